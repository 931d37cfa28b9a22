package io.painguard.simulator;

import java.util.concurrent.locks.LockSupport;

/** The wall clock the runners pace themselves by; tests substitute a manual one. */
public interface Ticker {

  long nanoTime();

  /** Waits about {@code nanos} (may return early). */
  void sleepNanos(long nanos);

  Ticker SYSTEM =
      new Ticker() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
          if (nanos > 0) {
            LockSupport.parkNanos(nanos);
          }
        }
      };
}
