package io.painguard.bench.load;

import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.load.GeneratedRecord;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.RateSchedule;
import java.util.concurrent.locks.LockSupport;

/**
 * The load's own stream, continued at a fixed rate in a thread of its own until closed: the live
 * traffic a joining instance has to keep up with while it takes its share.
 */
public final class LiveFeed implements AutoCloseable {

  private final KafkaRecordSink sink;
  private final LoadGenerator load;
  private final double rate;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long sent;
  private volatile RuntimeException failure;

  /** Starts sending at once; the generator must not be used elsewhere until {@link #close()}. */
  public LiveFeed(KafkaRecordSink sink, LoadGenerator load, double ratePerSecond) {
    this.sink = sink;
    this.load = load;
    this.rate = ratePerSecond;
    this.thread = new Thread(this::send, "bench-live-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void send() {
    try {
      RateSchedule schedule = RateSchedule.perSecond(rate, System.nanoTime());
      long count = 0;
      while (running) {
        long now = System.nanoTime();
        long permits = Math.min(schedule.permits(now, count), 1_000);
        if (permits == 0) {
          LockSupport.parkNanos(Math.min(schedule.nanosUntilDue(now, count), 1_000_000));
          continue;
        }
        for (long p = 0; p < permits; p++) {
          GeneratedRecord r = load.next();
          sink.send(r.topic(), r.key(), r.value(), null);
        }
        count += permits;
        sent = count;
      }
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  /** Records handed to the producer so far. */
  public long sent() {
    return sent;
  }

  /** Throws when the feed stopped on an error. */
  public void checkHealthy() {
    if (failure != null) {
      throw new IllegalStateException("The live feed failed: " + failure.getMessage(), failure);
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sink.flush();
  }
}
