package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.topology.DeadLetterStubs.Letter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterStubsTest {

  private static final int CAP = 64 * 1024;

  @Test
  void aLetterWithinTheCapIsLeftAsItIs() {
    Letter letter = letter(new byte[1000], CAP - 2000);

    assertThat(DeadLetterStubs.bound(letter, CAP)).isSameAs(letter);
  }

  @Test
  void aLetterOverTheCapKeepsItsSourceAndTheValuesFirstBytesAndFitsTheCap() {
    byte[] value = bytes(200_000);
    Letter letter = letter(value, 0);
    letter.headers().add("producer-trace", new byte[50_000]); // the record's own headers count too

    Letter stub = DeadLetterStubs.bound(letter, CAP);

    assertThat(stub.size()).isLessThanOrEqualTo(CAP).isGreaterThan(CAP - 2048);
    assertThat(stub.value()).isEqualTo(Arrays.copyOf(value, stub.value().length));
    assertThat(stub.headers().lastHeader("producer-trace")).isNull();
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.TOPIC)).isEqualTo("activity-events");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("TOO_LARGE");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ORIGINAL_SIZE)).isEqualTo("200000");
    assertThat(stub.isStub()).isTrue();
  }

  @Test
  void aHugeKeyAndErrorMessageAreCutSoTheStubStillFits() {
    byte[] key = bytes(2 * CAP);
    Headers headers = DeadLetters.headers(null, "pain-reports", 1, 7, DeadLetters.Reason.INVALID,
        InvalidRecordException.class.getName(), "m".repeat(CAP));
    Letter letter = new Letter(key, bytes(10), headers);

    Letter stub = DeadLetterStubs.bound(letter, CAP);

    assertThat(stub.size()).isLessThanOrEqualTo(CAP);
    assertThat(stub.key()).isEqualTo(Arrays.copyOf(key, DeadLetterStubs.MAX_KEY_BYTES));
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ERROR_MESSAGE)).hasSize(DeadLetterStubs.MAX_MESSAGE_CHARS + 3);
    assertThat(stub.value()).hasSize(10);
  }

  @Test
  void afterAFailedWriteTheStubKeepsOneKilobyteAndTheOriginalSizeOfTheFirstStub() {
    byte[] value = bytes(3_000_000);
    Letter tooLarge = DeadLetterStubs.bound(letter(value, 0), CAP);

    Letter afterFailure = DeadLetterStubs.afterFailure(tooLarge, CAP);

    assertThat(afterFailure.value()).isEqualTo(Arrays.copyOf(value, DeadLetterStubs.AFTER_FAILURE_BYTES));
    assertThat(DeadLetters.header(afterFailure.headers(), DeadLetters.STUB)).isEqualTo("WRITE_FAILED");
    assertThat(DeadLetters.header(afterFailure.headers(), DeadLetters.ORIGINAL_SIZE)).isEqualTo("3000000");
  }

  @Test
  void aTombstoneStubHasNoValue() {
    Letter letter = new Letter(bytes(10), null, DeadLetters.headers(null, "athlete-profiles", 0, 1,
        DeadLetters.Reason.NULL_VALUE, "x", "tombstone"));

    Letter stub = DeadLetterStubs.afterFailure(letter, CAP);

    assertThat(stub.value()).isNull();
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ORIGINAL_SIZE)).isEqualTo("0");
  }

  private static Letter letter(byte[] value, int extraHeaderBytes) {
    Headers original = new RecordHeaders();
    if (extraHeaderBytes > 0) {
      original.add("trace", new byte[extraHeaderBytes]);
    }
    Headers headers = DeadLetters.headers(original, "activity-events", 3, 42, DeadLetters.Reason.UNDECODABLE,
        "org.apache.kafka.common.errors.SerializationException", "Unknown magic byte!");
    return new Letter("ana".getBytes(StandardCharsets.UTF_8), value, headers);
  }

  private static byte[] bytes(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }
}
