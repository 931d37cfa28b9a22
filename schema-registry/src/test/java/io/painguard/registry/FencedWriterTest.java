package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * How the writer reports a commit that failed: an unexpected broker error leaves the update to be
 * decided again by a new writer ({@link FencedWriter.Unsettled}), anything else is a failure.
 * Kafka's own in-memory producer stands in for the broker's answers here; {@code
 * SharedSchemasTopicIT} runs two registries against a real broker.
 */
class FencedWriterTest {

  private final List<MockProducer<byte[], byte[]>> started = new ArrayList<>();

  private FencedWriter writer(RuntimeException onCommit) {
    return new FencedWriter(() -> {
      MockProducer<byte[], byte[]> p =
          new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      p.commitTransactionException = started.isEmpty() ? onCommit : null;
      started.add(p);
      return p;
    }, "_schemas");
  }

  private static List<StoreRecordCodec.Encoded> oneRecord() {
    return List.of(new StoreRecordCodec.Encoded(
        "key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void anUnhandledEndTxnErrorLeavesTheUpdateToBeDecidedAgainByANewWriter() throws Exception {
    // Given a writer whose first commit the broker answers with an unexpected error
    FencedWriter writer = writer(new KafkaException("Unhandled error in EndTxnResponse: The server experienced"
        + " an unexpected error when processing the request."));
    writer.becomeWriter();

    // When it writes
    // Then the update is unsettled, not failed, and its producer is gone
    assertThatThrownBy(() -> writer.write(oneRecord())).isInstanceOf(FencedWriter.Unsettled.class);
    assertThat(started.get(0).closed()).isTrue();

    // And a new writer (a new producer) then writes the update
    assertThat(writer.becomeWriter()).as("a new producer starts").isTrue();
    assertThat(writer.write(oneRecord())).isEqualTo(1);
    assertThat(started.get(1).transactionCommitted()).isTrue();
  }

  @Test
  void anUnknownServerErrorIsUnsettledToo() {
    FencedWriter writer = writer(new UnknownServerException("unexpected"));
    writer.becomeWriter();
    assertThatThrownBy(() -> writer.write(oneRecord())).isInstanceOf(FencedWriter.Unsettled.class);
  }

  @Test
  void anErrorThatWouldRecurIsAFailure() {
    // A refusal would only be refused again: it fails the update at once, in one sentence
    FencedWriter writer = writer(new TopicAuthorizationException("Not authorized to access topics: [_schemas]"));
    writer.becomeWriter();
    assertThatThrownBy(() -> writer.write(oneRecord()))
        .isInstanceOf(SchemaStoreException.class)
        .hasMessageStartingWith("Could not write to topic '_schemas': ");
  }
}
