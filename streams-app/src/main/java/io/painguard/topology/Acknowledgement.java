package io.painguard.topology;

import io.painguard.events.AlertAcknowledgement;
import java.time.Instant;
import java.util.Optional;

/**
 * One acknowledgement of an alert as the {@link PainGuardTopology#ACKNOWLEDGEMENTS_STORE} keeps it
 * (the athlete is the store's key). Its {@link #toString()} leaves the note out: the note is health
 * data and must never reach a log line, whoever prints the record.
 *
 * @param alertId the acknowledged alert
 * @param acknowledgedBy a coach id, or {@link #ADMIN}
 * @param acknowledgedAt when it was acknowledged
 * @param note the coach's note, or null
 */
public record Acknowledgement(String alertId, String acknowledgedBy, Instant acknowledgedAt, String note) {

  /** Who an acknowledgement made with an admin token is by. */
  public static final String ADMIN = "admin";

  /** Longest note accepted: a short message, like a text message, not a report. */
  public static final int MAX_NOTE_LENGTH = 280;

  public static Acknowledgement of(AlertAcknowledgement a) {
    return new Acknowledgement(a.getAlertId(), a.getAcknowledgedBy(), a.getAcknowledgedAt(), a.getNote());
  }

  /** This acknowledgement as the topic's record. */
  public AlertAcknowledgement toRecord(String athleteId) {
    return AlertAcknowledgement.newBuilder()
        .setAlertId(alertId)
        .setAthleteId(athleteId)
        .setAcknowledgedBy(acknowledgedBy)
        .setAcknowledgedAt(acknowledgedAt)
        .setNote(note)
        .build();
  }

  /**
   * Why a note (already trimmed) cannot be kept, in one sentence that never quotes it; empty when
   * it is fine. The API refuses such a note with 400 and the topology dead-letters a record with
   * one, so the rule is the same wherever an acknowledgement comes from.
   */
  public static Optional<String> noteProblem(String note) {
    if (note == null) {
      return Optional.empty();
    }
    int length = note.codePointCount(0, note.length());
    if (length > MAX_NOTE_LENGTH) {
      return Optional.of("note is " + length + " characters long; at most " + MAX_NOTE_LENGTH + " are accepted.");
    }
    if (note.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
      return Optional.of("note contains a control character (a line break, a tab...); write it on one line.");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Acknowledgement[alertId=" + alertId + ", acknowledgedBy=" + acknowledgedBy + ", acknowledgedAt="
        + acknowledgedAt + ", note=" + (note == null ? "none" : "(" + note.length() + " characters)") + "]";
  }
}
