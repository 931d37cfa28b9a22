package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.serde.SchemaRegistryException;
import java.net.ConnectException;
import java.time.Duration;
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
}
