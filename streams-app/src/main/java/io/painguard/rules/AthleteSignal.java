package io.painguard.rules;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;

/** One input about an athlete, whichever topic it came from. */
public sealed interface AthleteSignal {

  String athleteId();

  /** An activity sample. */
  record Activity(ActivityEvent event) implements AthleteSignal {
    @Override
    public String athleteId() {
      return event.getAthleteId();
    }
  }

  /** A pain report. */
  record Pain(PainReport report) implements AthleteSignal {
    @Override
    public String athleteId() {
      return report.getAthleteId();
    }
  }

  /**
   * The athlete asks to be forgotten: a tombstone on the compacted profiles topic. The processor
   * deletes everything kept about them; the guard never sees it.
   */
  record Erase(String athleteId) implements AthleteSignal {}

  /**
   * A coach acknowledged one of the athlete's alerts. Kept by the topology beside the guard's
   * state (and erased with it); the rules never see it.
   */
  record Acknowledged(AlertAcknowledgement acknowledgement) implements AthleteSignal {
    @Override
    public String athleteId() {
      return acknowledgement.getAthleteId();
    }
  }

  /** A profile update. */
  record Profile(AthleteProfile profile) implements AthleteSignal {
    @Override
    public String athleteId() {
      return profile.getAthleteId();
    }
  }
}
