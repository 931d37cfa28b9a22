package io.painguard.runtime;

import io.painguard.topology.DeadLetterFallbacks;
import java.time.Duration;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an exception (a transient failure such as the registry
 * being unreachable fails the task on purpose, see the topology), after a pause that doubles with
 * each failure in a row -- 1 s up to 30 s, back to 1 s after two quiet minutes -- so a lasting
 * outage does not turn into a tight restart loop. The log names the exception classes only:
 * messages may quote record contents.
 *
 * <p>Each replacement is reported (to {@code StreamsHealth}, which tells a crash loop). A thread
 * that died because the broker refuses writes to the dead-letter topic (authorization: Kafka
 * Streams never asks the production handler about those) closes the DLQ ({@link
 * DeadLetterFallbacks#unwritable}), so its replacement counts and skips dead letters instead of
 * dying the same way: an unwritable DLQ degrades the app, it does not stop it.
 */
final class StreamThreadRestarts implements StreamsUncaughtExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StreamThreadRestarts.class);
  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration MAX_PAUSE = Duration.ofSeconds(30);
  static final Duration QUIET = Duration.ofMinutes(2);

  private long lastFailureNanos;
  private long pauseMillis;
  private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);
  private final String deadLetterTopic;
  private final DeadLetterFallbacks deadLetters;
  private final Runnable onReplace;

  StreamThreadRestarts() {
    this(null, new DeadLetterFallbacks(), () -> {});
  }

  /**
   * @param deadLetterTopic the DLQ topic, whose refusal degrades instead of looping
   * @param onReplace told of every replacement
   */
  StreamThreadRestarts(String deadLetterTopic, DeadLetterFallbacks deadLetters, Runnable onReplace) {
    this.deadLetterTopic = deadLetterTopic;
    this.deadLetters = deadLetters;
    this.onReplace = onReplace;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    if (deadLetterTopic != null && refuses(exception, deadLetterTopic)) {
      deadLetters.unwritable("the broker refuses writes to " + deadLetterTopic + " (TopicAuthorizationException)");
    }
    onReplace.run();
    LeaveGroupOnThreadDeath.threadDying();
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

  /** True when the failure is the broker refusing this principal writes to {@code topic}. */
  static boolean refuses(Throwable exception, String topic) {
    String sending = "topic " + topic + " ";
    boolean named = false;
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      named |= t.getMessage() != null && t.getMessage().contains(sending);
      if (t instanceof TopicAuthorizationException refused) {
        return refused.unauthorizedTopics().contains(topic) || (refused.unauthorizedTopics().isEmpty() && named);
      }
    }
    return false;
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
