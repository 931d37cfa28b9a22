package io.painguard.simulator.load;

/**
 * When sends are due at a target rate: send number {@code n} is due {@code n / rate} seconds after
 * the start. A sender that falls behind catches up in bursts, but never by more than {@code
 * maxBacklog} sends -- past that the backlog is written off, so a stall (a full producer buffer,
 * a GC pause) does not turn into an unbounded flood afterwards. Pure arithmetic on a nanosecond
 * clock the caller passes in.
 */
public final class RateSchedule {

  private final double ratePerSecond;
  private final long maxBacklog;
  private long originNanos;
  private long writtenOff;

  /**
   * @param ratePerSecond target sends per second (> 0)
   * @param startNanos clock reading at which send 0 is due
   * @param maxBacklog the most sends that may be overdue at once (>= 1)
   */
  public RateSchedule(double ratePerSecond, long startNanos, long maxBacklog) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a positive number, was " + ratePerSecond);
    }
    if (maxBacklog < 1) {
      throw new IllegalArgumentException("maxBacklog must be at least 1");
    }
    this.ratePerSecond = ratePerSecond;
    this.originNanos = startNanos;
    this.maxBacklog = maxBacklog;
  }

  /** A schedule that tolerates one second's worth of backlog (at least one send). */
  public static RateSchedule perSecond(double ratePerSecond, long startNanos) {
    return new RateSchedule(ratePerSecond, startNanos, Math.max(1, (long) Math.ceil(ratePerSecond)));
  }

  /** Seconds of sends a sender may fall behind and still catch up. */
  public static final int DEFAULT_BACKLOG_SECONDS = 5;

  /**
   * A schedule that catches up on up to {@value #DEFAULT_BACKLOG_SECONDS} seconds' worth of
   * sends: enough to ride out a GC pause or a busy machine without missing the average rate,
   * short enough that a long stall does not end in a flood.
   */
  public static RateSchedule withDefaultBacklog(double ratePerSecond, long startNanos) {
    return new RateSchedule(
        ratePerSecond, startNanos, Math.max(1, (long) Math.ceil(ratePerSecond * DEFAULT_BACKLOG_SECONDS)));
  }

  /**
   * How many sends may be made now, given that {@code sent} have been: due minus sent, with any
   * backlog beyond {@code maxBacklog} written off.
   */
  public long permits(long nowNanos, long sent) {
    long due = dueBy(nowNanos);
    long backlog = due - sent;
    if (backlog > maxBacklog) {
      long excess = backlog - maxBacklog;
      writtenOff += excess;
      // Move the origin so that exactly maxBacklog sends are due now.
      originNanos += (long) Math.ceil(excess * 1e9 / ratePerSecond);
      backlog = Math.max(0, dueBy(nowNanos) - sent);
    }
    return Math.max(0, backlog);
  }

  /** Nanoseconds from {@code nowNanos} until send number {@code sent} (0-based) is due; 0 if due. */
  public long nanosUntilDue(long nowNanos, long sent) {
    long dueAt = originNanos + (long) Math.ceil(sent * 1e9 / ratePerSecond);
    return Math.max(0, dueAt - nowNanos);
  }

  /** Sends written off because the sender fell too far behind. */
  public long writtenOff() {
    return writtenOff;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** Sends due by {@code nowNanos}: send 0 is due at the origin, so one is due right away. */
  private long dueBy(long nowNanos) {
    if (nowNanos < originNanos) {
      return 0;
    }
    return (long) Math.floor((nowNanos - originNanos) * ratePerSecond / 1e9) + 1;
  }
}
