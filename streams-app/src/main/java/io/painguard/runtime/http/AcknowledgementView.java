package io.painguard.runtime.http;

import io.painguard.topology.Acknowledgement;

/**
 * An acknowledgement as the API shows it (contract item 3): who acknowledged which alert, when
 * (ISO-8601 UTC), and their note (null when none).
 */
public record AcknowledgementView(String alertId, String acknowledgedBy, String acknowledgedAt, String note) {

  public static AcknowledgementView of(Acknowledgement a) {
    return new AcknowledgementView(a.alertId(), a.acknowledgedBy(), AlertView.iso(a.acknowledgedAt()), a.note());
  }

  /** Leaves the note out: it is health data and never belongs in a log line. */
  @Override
  public String toString() {
    return "AcknowledgementView[alertId=" + alertId + ", acknowledgedBy=" + acknowledgedBy + ", acknowledgedAt="
        + acknowledgedAt + ", note=" + (note == null ? "none" : "(" + note.length() + " characters)") + "]";
  }
}
