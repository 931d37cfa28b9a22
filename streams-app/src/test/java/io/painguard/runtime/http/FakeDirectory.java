package io.painguard.runtime.http;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.PainBand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory {@link AthleteDirectory}: athletes by id, or every lookup answered one way. */
final class FakeDirectory implements AthleteDirectory {

  final Map<String, Found> athletes = new HashMap<>();
  final List<String> others = new ArrayList<>();
  Lookup everyLookup;
  final List<String> asked = new ArrayList<>();
  /** The spans {@link #session} was asked for. */
  final List<java.time.Duration> spans = new ArrayList<>();
  java.time.Duration retention = java.time.Duration.ofHours(24);

  FakeDirectory with(String athleteId, String coachId, Severity open, ExertionAlert... alerts) {
    athletes.put(athleteId, new Found(status(athleteId, coachId, open), List.of(alerts)));
    return this;
  }

  /** An athlete without pain in force or an alert open: listed only with {@code all=true}. */
  FakeDirectory calm(String athleteId, String coachId) {
    AthleteStatus s =
        new AthleteStatus(
            athleteId, Instant.parse("2025-03-03T08:03:00Z"), 0, PainBand.NONE, false, null, null, null, null,
            false, ActivityType.WALKING, Instant.parse("2025-03-03T08:03:00Z"), 95, 20, null, null, List.of(),
            null, coachId, null, List.of(), null, null);
    athletes.put(athleteId, new Found(s, List.of()));
    return this;
  }

  static AthleteStatus status(String athleteId, String coachId, Severity open) {
    return new AthleteStatus(
        athleteId,
        Instant.parse("2025-03-03T08:03:00Z"),
        5,
        PainBand.MODERATE,
        true,
        "report-" + athleteId,
        Instant.parse("2025-03-03T08:00:00Z"),
        60,
        132,
        false,
        ActivityType.RUNNING,
        Instant.parse("2025-03-03T08:03:00Z"),
        160,
        83,
        open,
        open == null ? null : AlertState.RAISED,
        open == null ? List.of() : List.of(Reason.SUSTAINED_HIGH_INTENSITY),
        open == null ? null : Instant.parse("2025-03-03T08:02:00Z"),
        coachId,
        null,
        List.of(),
        open,
        null);
  }

  @Override
  public Lookup find(String athleteId) {
    asked.add(athleteId);
    if (everyLookup != null) {
      return everyLookup;
    }
    Found found = athletes.get(athleteId);
    return found == null ? new Unknown() : found;
  }

  /** The athlete's session: their recent alerts, no minutes. */
  @Override
  public Lookup session(String athleteId, java.time.Duration span) {
    spans.add(span);
    Lookup found = find(athleteId);
    if (!(found instanceof Found f)) {
      return found;
    }
    long to = Instant.parse("2025-03-03T09:00:00Z").toEpochMilli();
    return new Session(
        f.status(),
        SessionView.of(athleteId, to - span.toMillis(), to, List.of(), List.of(), List.of(), f.recentAlerts()));
  }

  @Override
  public java.time.Duration sessionRetention() {
    return retention;
  }

  /** Every athlete is "in an episode" here (the fake's statuses all have pain in force). */
  @Override
  public Listing localAthletes(Caller caller, boolean all, int limit) {
    List<Found> visible =
        athletes.values().stream()
            .filter(f -> caller.maySee(f.status().coachId()))
            .filter(f -> all || f.status().painActive() || f.status().openSeverity() != null)
            .toList();
    return new Listing(visible.stream().limit(limit).toList(), visible.size() > limit);
  }

  @Override
  public List<String> otherInstances() {
    return others;
  }
}
