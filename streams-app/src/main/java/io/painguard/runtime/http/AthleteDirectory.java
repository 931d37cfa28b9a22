package io.painguard.runtime.http;

import io.painguard.events.ExertionAlert;
import io.painguard.rules.AthleteStatus;
import io.painguard.topology.AlertAcknowledgements;
import java.time.Duration;
import java.util.List;

/** Where the API finds athletes: this instance's state stores, or the instance that owns them. */
public interface AthleteDirectory {

  /** The answer for one athlete. */
  sealed interface Lookup permits Found, Unknown, Elsewhere, Unavailable, Session {}

  /**
   * This instance owns the athlete and has a state for them.
   *
   * @param recentAlerts oldest first (in a {@link Listing}, loaded only for athletes with an alert
   *     open)
   * @param acknowledgements of the athlete's alerts, oldest first
   */
  record Found(AthleteStatus status, List<ExertionAlert> recentAlerts, AlertAcknowledgements acknowledgements)
      implements Lookup {
    public Found(AthleteStatus status, List<ExertionAlert> recentAlerts) {
      this(status, recentAlerts, AlertAcknowledgements.NONE);
    }
  }

  /** Athletes held here, neediest first ({@link Need}); {@code cut} when more matched the limit. */
  record Listing(List<Found> athletes, boolean cut) {}

  /** This instance owns the athlete and has their session ({@link #session}). */
  record Session(AthleteStatus status, SessionView view) implements Lookup {}

  /** This instance owns the athlete's partition and has never seen them. */
  record Unknown() implements Lookup {}

  /** Another instance owns the athlete; {@code hostPort} is its {@code application.server}. */
  record Elsewhere(String hostPort) implements Lookup {}

  /** Nobody can answer right now (starting, rebalancing, shutting down). */
  record Unavailable(String reason) implements Lookup {}

  Lookup find(String athleteId);

  /**
   * The athlete's session over the {@code span} up to the later of the wall clock and their own
   * newest event time, routed as {@link #find}: {@link Session} when this instance owns them.
   */
  Lookup session(String athleteId, Duration span);

  /** The longest span {@link #session} answers for: the minutes store's retention. */
  Duration sessionRetention();

  /**
   * Athletes held by this instance that the caller may see, neediest first, at most {@code limit}
   * of them: every one when {@code all}, else those in a pain episode or with an alert open.
   *
   * @throws IllegalStateException when the stores cannot be read right now
   */
  Listing localAthletes(Caller caller, boolean all, int limit);

  /** {@code application.server} of every other instance of the application. */
  List<String> otherInstances();
}
