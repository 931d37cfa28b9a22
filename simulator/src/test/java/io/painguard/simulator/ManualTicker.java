package io.painguard.simulator;

/** A ticker for tests: time moves only when the code under test sleeps (or the test advances it). */
public final class ManualTicker implements Ticker {

  private final long granularityNanos;
  private long now;
  private long slept;
  private int sleeps;

  /** Sleeps last exactly as long as asked. */
  public ManualTicker() {
    this(1);
  }

  /** Sleeps last a whole number of {@code granularityNanos}, like a real scheduler's tick. */
  public ManualTicker(long granularityNanos) {
    this.granularityNanos = granularityNanos;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleepNanos(long nanos) {
    long ticks = Math.max(1, (nanos + granularityNanos - 1) / granularityNanos);
    now += ticks * granularityNanos;
    slept += ticks * granularityNanos;
    sleeps++;
  }

  public void advance(long nanos) {
    now += nanos;
  }

  public long sleptNanos() {
    return slept;
  }

  public int sleeps() {
    return sleeps;
  }
}
