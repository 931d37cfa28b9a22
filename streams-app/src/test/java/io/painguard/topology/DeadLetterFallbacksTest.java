package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.topology.DeadLetterStubs.Letter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A record costs at most two failed writes: the full dead letter, then its stub; then the DLQ is closed. */
class DeadLetterFallbacksTest {

  private static final int CAP = 64 * 1024;
  private final DeadLetterFallbacks fallbacks = new DeadLetterFallbacks();

  @Test
  void aFailedWriteMakesTheNextAttemptAStubAndAFailedStubClosesTheDeadLetterTopic() {
    Letter letter = letter(42, 5000);
    assertThat(fallbacks.prepare(letter, CAP)).isSameAs(letter);

    fallbacks.writeFailed("activity-events-3@42", false, "RecordTooLargeException");
    Letter stub = fallbacks.prepare(letter, CAP);
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("WRITE_FAILED");
    assertThat(fallbacks.prepare(letter(43, 5000), CAP).isStub()).as("another record").isFalse();
    assertThat(fallbacks.writable()).isTrue();

    fallbacks.writeFailed("activity-events-3@42", true, "RecordTooLargeException");
    assertThat(fallbacks.writable()).isFalse();
    assertThat(fallbacks.prepare(letter(44, 10), CAP)).isNull();
    assertThat(fallbacks.skipped(DeadLetters.Reason.UNDECODABLE)).isEqualTo(1);
    assertThat(fallbacks.stubs(DeadLetters.Stub.WRITE_FAILED)).isEqualTo(1);
  }

  @Test
  void anOversizedLetterIsCountedAsATooLargeStub() {
    Letter stub = fallbacks.prepare(letter(1, 2 * CAP), CAP);

    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("TOO_LARGE");
    assertThat(fallbacks.stubs(DeadLetters.Stub.TOO_LARGE)).isEqualTo(1);
  }

  @Test
  void onlyTheNewestFailuresAreRemembered() {
    for (int i = 0; i <= DeadLetterFallbacks.REMEMBERED; i++) {
      fallbacks.writeFailed("activity-events-0@" + i, false, "x");
    }

    assertThat(fallbacks.failedBefore("activity-events-0@0")).isFalse();
    assertThat(fallbacks.failedBefore("activity-events-0@" + DeadLetterFallbacks.REMEMBERED)).isTrue();
  }

  private static Letter letter(long offset, int valueBytes) {
    return new Letter("ana".getBytes(StandardCharsets.UTF_8), new byte[valueBytes],
        DeadLetters.headers(null, "activity-events", 3, offset, DeadLetters.Reason.UNDECODABLE, "x", "bad"));
  }
}
