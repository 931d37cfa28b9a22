package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.serde.SchemaRegistryException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The safety net, wired exactly as {@link PainGuardStreamsConfig} wires it: Given a processor that
 * throws, When a record hits it, Then the record's original bytes land on the dead-letter topic
 * with the PainGuard headers and processing continues -- unless the failure is transient.
 */
class DeadLetterProcessingExceptionHandlerTest {

  private final TopologySettings settings = TopologySettings.defaults();
  private final DeadLetterCounter counter = new DeadLetterCounter();
  private TopologyTestDriver driver;

  @AfterEach
  void close() {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void anUnexpectedFailureDeadLettersTheSourceRecordAndProcessingGoesOn() {
    TestInputTopic<String, String> in = start(new IllegalStateException("boom in the rules"));
    TestOutputTopic<String, String> out =
        driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
    TestOutputTopic<byte[], byte[]> dlq =
        driver.createOutputTopic(
            settings.deadLetterTopic(),
            Serdes.ByteArray().deserializer(),
            Serdes.ByteArray().deserializer());

    in.pipeInput("ana", "explode");
    in.pipeInput("ana", "fine");

    assertThat(out.readValuesToList()).containsExactly("FINE");
    List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
    assertThat(dead).hasSize(1);
    TestRecord<byte[], byte[]> record = dead.get(0);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("ana");
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("explode");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.TOPIC)).isEqualTo("in");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.PARTITION)).isEqualTo("0");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.OFFSET)).isEqualTo("0");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.REASON)).isEqualTo("PROCESSING_FAILED");
    assertThat(DeadLetters.header(record.headers(), DeadLetters.ERROR_CLASS))
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(DeadLetters.header(record.headers(), DeadLetters.ERROR_MESSAGE))
        .isEqualTo("boom in the rules");
    assertThat(counter.count(DeadLetters.Reason.PROCESSING_FAILED)).isEqualTo(1);
  }

  @Test
  void aTransientRegistryFailureFailsInsteadOfDeadLettering() {
    TestInputTopic<String, String> in =
        start(
            new SchemaRegistryException(
                "registry unreachable", SchemaRegistryException.NO_RESPONSE, -1, null, null));

    assertThatThrownBy(() -> in.pipeInput("ana", "explode"))
        .hasRootCauseInstanceOf(SchemaRegistryException.class);
    assertThat(counter.total()).isZero();
  }

  @Test
  void aFailureToWriteAnOutputFailsTheTaskInsteadOfDeadLetteringTheRecord() {
    // What the record collector throws once an earlier send failed: the record itself is fine,
    // and dead-lettering it would drop its alert (issue 15 dead-lettered valid pain reports so).
    TestInputTopic<String, String> in = start(new StreamsException(
        "Error encountered trying to send record to topic exertion-alerts",
        new KafkaException("Cannot perform send because at least one previous transactional request has failed")));

    assertThatThrownBy(() -> in.pipeInput("ana", "explode")).isInstanceOf(StreamsException.class);
    assertThat(counter.total()).isZero();
  }

  @Test
  void anOversizedSourceRecordIsDeadLetteredAsAStubWithinTheCap() {
    TestInputTopic<String, String> in = start(new IllegalStateException("boom in the rules"));
    TestOutputTopic<byte[], byte[]> dlq =
        driver.createOutputTopic(settings.deadLetterTopic(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
    String huge = "explode" + "x".repeat(2 * settings.deadLetterMaxBytes());

    in.pipeInput("ana", huge);

    TestRecord<byte[], byte[]> stub = dlq.readRecord();
    assertThat(stub.value().length).isLessThan(settings.deadLetterMaxBytes());
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.REASON)).isEqualTo("PROCESSING_FAILED");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.STUB)).isEqualTo("TOO_LARGE");
    assertThat(DeadLetters.header(stub.headers(), DeadLetters.ORIGINAL_SIZE))
        .isEqualTo(Integer.toString(huge.getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void whenTheDeadLetterTopicIsUnwritableTheRecordIsCountedAndSkipped() {
    counter.fallbacks().unwritable("test");
    TestInputTopic<String, String> in = start(new IllegalStateException("boom in the rules"));
    TestOutputTopic<String, String> out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());

    in.pipeInput("ana", "explode");
    in.pipeInput("ana", "fine");

    assertThat(out.readValuesToList()).containsExactly("FINE");
    assertThat(counter.fallbacks().skipped(DeadLetters.Reason.PROCESSING_FAILED)).isEqualTo(1);
  }

  private TestInputTopic<String, String> start(RuntimeException failure) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .mapValues(
            v -> {
              if (v.startsWith("explode")) {
                throw failure;
              }
              return v.toUpperCase(java.util.Locale.ROOT);
            })
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = PainGuardStreamsConfig.properties("handler-test", "unused:9092", settings, counter);
    props.put(StreamsConfig.STATE_DIR_CONFIG, System.getProperty("java.io.tmpdir") + "/handler-test-" + System.nanoTime());
    driver = new TopologyTestDriver(builder.build(), props);
    return driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
  }
}
