package io.painguard.runtime;

import java.time.Duration;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an exception (a transient failure such as the registry
 * being unreachable fails the task on purpose, see the topology), after a pause that doubles with
 * each failure in a row -- 1 s up to 30 s, back to 1 s after two quiet minutes -- so a lasting
 * outage does not turn into a tight restart loop. The log names the exception classes only:
 * messages may quote record contents.
 */
final class StreamThreadRestarts implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StreamThreadRestarts.class);
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration MAX_PAUSE = Duration.ofSeconds(30);
  static final Duration QUIET = Duration.ofMinutes(2);

  private long lastFailureNanos;
  private long pauseMillis;
  private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    Duration pause = nextPause(System.nanoTime());
    LOG.error(
        "Stream thread {} failed ({}); replacing it in {} ms",
        Thread.currentThread().getName(),
        causeChain(exception),
        pause.toMillis());
    try {
      closing.await(pause.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** The pause before the next replacement, given a failure now. */
  synchronized Duration nextPause(long nowNanos) {
    if (pauseMillis == 0 || nowNanos - lastFailureNanos > QUIET.toNanos()) {
      pauseMillis = FIRST_PAUSE.toMillis();
    } else {
      pauseMillis = Math.min(MAX_PAUSE.toMillis(), pauseMillis * 2);
    }
    lastFailureNanos = nowNanos;
    return Duration.ofMillis(pauseMillis);
  }

  /** Stop pausing: the app is shutting down. */
  void closing() {
    closing.countDown();
  }

  /** {@code StreamsException <- SchemaRegistryException <- ConnectException}, classes only. */
  static String causeChain(Throwable exception) {
    StringBuilder chain = new StringBuilder();
    int depth = 0;
    for (Throwable t = exception; t != null && depth < 8; t = t.getCause(), depth++) {
      if (chain.length() > 0) {
        chain.append(" <- ");
      }
      chain.append(t.getClass().getName());
      if (t.getCause() == t) {
        break;
      }
    }
    return chain.toString();
  }
}
