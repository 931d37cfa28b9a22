package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 through the real topology: Given a dead letter too large to write whole, When it is
 * processed, Then the dead-letter topic gets a bounded stub saying where it came from, why and how
 * large it was -- the next time, after a failed write, a smaller stub; once the DLQ is unwritable,
 * nothing but a count -- and the athlete's good data still produces its alert.
 */
class OversizedDeadLetterTopologyTest {

  private static final String ANA = "ana";
  private static final byte[] KEY = ANA.getBytes(StandardCharsets.UTF_8);
  private static final int THREE_MB = 3 * 1024 * 1024;

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aDeadLetterOverTheCapIsWrittenAsAStubWithinTheCap() {
    byte[] poison = poison(THREE_MB);

    app.raw("activity-events", KEY, poison);

    TestRecord<byte[], byte[]> stub = onlyDeadLetter();
    int cap = app.settings.deadLetterMaxBytes();
    assertThat(new DeadLetterStubs.Letter(stub.key(), stub.value(), stub.headers()).size()).isLessThanOrEqualTo(cap);
    assertThat(stub.value().length).isGreaterThan(cap - 4096);
    assertThat(stub.value()).isEqualTo(Arrays.copyOf(poison, stub.value().length));
    assertThat(stub.key()).isEqualTo(KEY);
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.TOPIC)).isEqualTo("activity-events");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.REASON)).isEqualTo("UNDECODABLE");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("TOO_LARGE");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ORIGINAL_SIZE)).isEqualTo(Integer.toString(THREE_MB));
    assertThat(app.deadLetters.fallbacks().stubs(DeadLetters.Stub.TOO_LARGE)).isEqualTo(1);
    assertStillWorking();
  }

  @Test
  void aDeadLetterWithinTheCapIsWrittenWhole() {
    byte[] bad = poison(200_000);

    app.raw("activity-events", KEY, bad);

    TestRecord<byte[], byte[]> dead = onlyDeadLetter();
    assertThat(dead.value()).isEqualTo(bad);
    assertThat(dead.headers().lastHeader(DeadLetters.STUB)).isNull();
    assertThat(app.deadLetters.fallbacks().stubs(DeadLetters.Stub.TOO_LARGE)).isZero();
  }

  @Test
  void aDeadLetterWhoseWriteFailedBeforeIsWrittenAsAOneKilobyteStub() {
    app.deadLetters.fallbacks().writeFailed("activity-events-0@0", false, "RecordTooLargeException");
    byte[] bad = poison(200_000);

    app.raw("activity-events", KEY, bad);

    TestRecord<byte[], byte[]> stub = onlyDeadLetter();
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("WRITE_FAILED");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ORIGINAL_SIZE)).isEqualTo("200000");
    assertThat(stub.value()).isEqualTo(Arrays.copyOf(bad, DeadLetterStubs.AFTER_FAILURE_BYTES));
    assertStillWorking();
  }

  @Test
  void onceTheDeadLetterTopicIsUnwritableDeadLettersAreCountedNotWritten() {
    app.deadLetters.fallbacks().unwritable("the broker refuses writes (test)");

    app.raw("activity-events", KEY, poison(100));

    assertThat(app.deadLetterTopic.isEmpty()).isTrue();
    assertThat(app.deadLetters.count(DeadLetters.Reason.UNDECODABLE)).isEqualTo(1);
    assertThat(app.deadLetters.fallbacks().skipped(DeadLetters.Reason.UNDECODABLE)).isEqualTo(1);
    assertStillWorking();
  }

  /** Undecodable: no Confluent magic byte. */
  private static byte[] poison(int size) {
    byte[] value = new byte[size];
    Arrays.fill(value, (byte) 'x');
    return value;
  }

  private TestRecord<byte[], byte[]> onlyDeadLetter() {
    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();
    assertThat(dead).hasSize(1);
    assertThat(app.deadLetters.total()).isEqualTo(1);
    return dead.get(0);
  }

  private void assertStillWorking() {
    app.profile(ANA);
    app.pain(ANA, 1000, 5);
    app.run(ANA, 1001, 1070, RUNNING, 160);
    assertThat(app.alerts()).hasSize(1);
  }
}
