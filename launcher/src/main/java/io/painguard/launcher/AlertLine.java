package io.painguard.launcher;

import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Recommendation;
import io.painguard.rules.Words;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

/** One readable console line per alert, for the demo: time, state, severity, who, and what to do. */
final class AlertLine {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private AlertLine() {}

  static String format(ExertionAlert alert) {
    StringBuilder line = new StringBuilder();
    line.append(TIME.format(alert.getEventTime()))
        .append("  ")
        .append(pad(alert.getState().name(), 9))
        .append(' ')
        .append(pad(alert.getSeverity().name(), 22))
        .append(' ')
        .append(alert.getAthleteId())
        .append(" (pain ")
        .append(alert.getPainLevel())
        .append("/10");
    if (alert.getActivityType() != ActivityType.UNKNOWN) {
      line.append(", ").append(Words.of(alert.getActivityType()));
    }
    line.append(')');
    if (!alert.getReasons().isEmpty()) {
      line.append(" [")
          .append(alert.getReasons().stream().map(r -> words(r.name())).collect(Collectors.joining(", ")))
          .append(']');
    }
    Recommendation advice = alert.getRecommendation();
    line.append(": ").append(advice.getMessage());
    // The message already says by how much and to which heart rate; only alternatives are added.
    if (!advice.getAlternativeActivities().isEmpty()) {
      line.append(" Try: ")
          .append(advice.getAlternativeActivities().stream()
              .map(Words::of)
              .collect(Collectors.joining(", ")))
          .append('.');
    }
    return line.toString();
  }

  private static String words(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
