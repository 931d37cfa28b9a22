package io.painguard.systemtest.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling with a deadline: the tests never sleep longer than needed. */
public final class Await {

  private Await() {}

  /** Polls every 100 ms until the condition holds; fails naming {@code what} at the deadline. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + what);
      }
      sleep(100);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
