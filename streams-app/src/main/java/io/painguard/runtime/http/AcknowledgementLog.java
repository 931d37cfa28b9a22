package io.painguard.runtime.http;

import io.painguard.events.AlertAcknowledgement;

/** Where the API writes acknowledgements: the {@code alert-acknowledgements} topic. */
public interface AcknowledgementLog {

  /**
   * Writes the acknowledgement and returns once the broker has acknowledged it.
   *
   * @throws IllegalStateException with one sentence when it could not be written in time
   */
  void append(AlertAcknowledgement acknowledgement);
}
