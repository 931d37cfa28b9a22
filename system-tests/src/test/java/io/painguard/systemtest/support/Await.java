package io.painguard.systemtest.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polling with a deadline: the tests never sleep longer than needed. */
public final class Await {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

  private Await() {}

  /**
   * Polls every 100 ms until the condition holds; fails naming {@code what} at the deadline.
   *
   * <p>A thin wrapper over Awaitility. The condition is polled on the calling thread because many
   * callers check through a KafkaConsumer, which refuses use from a second thread; an exception the
   * condition throws ends the wait at once, as before.
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    try {
      Awaitility.await(what)
          .pollInSameThread()
          .pollDelay(Duration.ZERO)
          .pollInterval(POLL_INTERVAL)
          .atMost(timeout)
          .until(condition::getAsBoolean);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
    }
  }

  /**
   * A fixed wait. Only for tests whose subject is a span of time (a component kept down or
   * unwritable for N seconds); anything waiting for a condition uses {@link #until}.
   */
  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
