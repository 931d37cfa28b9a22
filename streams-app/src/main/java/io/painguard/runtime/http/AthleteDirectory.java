package io.painguard.runtime.http;

import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteStatus;
import io.painguard.topology.AlertAcknowledgements;
import java.util.List;

/** Where the API finds athletes: this instance's state stores, or the instance that owns them. */
public interface AthleteDirectory {

  /** The answer for one athlete. */
  sealed interface Lookup permits Found, Unknown, Elsewhere, Unavailable {}

  /**
   * This instance owns the athlete and has a state for them.
   *
   * @param recentAlerts oldest first
   * @param acknowledgements of the athlete's alerts, oldest first
   */
  record Found(AthleteStatus status, List<ExertionAlert> recentAlerts, AlertAcknowledgements acknowledgements)
      implements Lookup {
    public Found(AthleteStatus status, List<ExertionAlert> recentAlerts) {
      this(status, recentAlerts, AlertAcknowledgements.NONE);
    }
  }

  /** This instance owns the athlete's partition and has never seen them. */
  record Unknown() implements Lookup {}

  /** Another instance owns the athlete; {@code hostPort} is its {@code application.server}. */
  record Elsewhere(String hostPort) implements Lookup {}

  /** Nobody can answer right now (starting, rebalancing, shutting down). */
  record Unavailable(String reason) implements Lookup {}

  Lookup find(String athleteId);

  /**
   * Athletes held by this instance that are in a pain episode or have an alert open, at most
   * {@code limit} of them.
   *
   * @throws IllegalStateException when the stores cannot be read right now
   */
  List<AthleteStatus> localInEpisode(Caller caller, int limit);

  /** {@code application.server} of every other instance of the application. */
  List<String> otherInstances();
}
