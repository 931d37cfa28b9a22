package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.serde.SchemaRegistryException;
import java.net.ConnectException;
import io.painguard.topology.DeadLetterFallbacks;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadRestartsTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void pausesDoubleUpToTheCapAndStartOverAfterQuiet() {
    StreamThreadRestarts restarts = new StreamThreadRestarts();
    long t = 0;

    assertThat(restarts.nextPause(t)).isEqualTo(Duration.ofSeconds(1));
    assertThat(restarts.nextPause(t += SECOND)).isEqualTo(Duration.ofSeconds(2));
    assertThat(restarts.nextPause(t += SECOND)).isEqualTo(Duration.ofSeconds(4));
    for (int i = 0; i < 10; i++) {
      restarts.nextPause(t += SECOND);
    }
    assertThat(restarts.nextPause(t += SECOND)).isEqualTo(StreamThreadRestarts.MAX_PAUSE);
    assertThat(restarts.nextPause(t + 3 * 60 * SECOND)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aFailedThreadIsReplacedAtOnceWhenClosing() {
    StreamThreadRestarts restarts = new StreamThreadRestarts();
    restarts.closing();

    assertThat(restarts.handle(new StreamsException("boom"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void theLogLineNamesClassesNotMessages() {
    Throwable failure =
        new StreamsException(
            "failed on note 'my back hurts'",
            new SchemaRegistryException("registry down", 0, -1, null, new ConnectException("refused")));

    String chain = StreamThreadRestarts.causeChain(failure);

    assertThat(chain)
        .isEqualTo(
            "org.apache.kafka.streams.errors.StreamsException <- io.painguard.serde.SchemaRegistryException"
                + " <- java.net.ConnectException")
        .doesNotContain("back hurts");
  }

  @Test
  void aThreadKilledByTheBrokerRefusingTheDeadLetterTopicClosesItAndEveryReplacementIsReported() {
    DeadLetterFallbacks deadLetters = new DeadLetterFallbacks();
    AtomicInteger replaced = new AtomicInteger();
    StreamThreadRestarts restarts = new StreamThreadRestarts("dlq", deadLetters, replaced::incrementAndGet);
    restarts.closing();

    restarts.handle(new StreamsException("Error encountered sending record to topic exertion-alerts",
        new TopicAuthorizationException(Set.of("exertion-alerts"))));
    assertThat(deadLetters.writable()).as("another topic refused").isTrue();

    restarts.handle(new StreamsException("Error encountered sending record to topic dlq for task 0_3",
        new TopicAuthorizationException(Set.of("dlq"))));

    assertThat(deadLetters.writable()).isFalse();
    assertThat(replaced.get()).isEqualTo(2);
  }

  @Test
  void aRefusalThatNamesNoTopicIsMatchedByTheSendersMessage() {
    Throwable refused = new StreamsException("Error encountered sending record to topic dlq for task 0_3",
        new org.apache.kafka.common.KafkaException("in error state", new TopicAuthorizationException("denied")));

    assertThat(StreamThreadRestarts.refuses(refused, "dlq")).isTrue();
    assertThat(StreamThreadRestarts.refuses(refused, "exertion-alerts")).isFalse();
  }
}
