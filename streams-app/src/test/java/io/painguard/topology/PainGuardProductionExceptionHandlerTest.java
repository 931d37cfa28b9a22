package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per output: a dead letter never stops processing; an alert is never dropped. */
class PainGuardProductionExceptionHandlerTest {

  private final DeadLetterCounter counter = new DeadLetterCounter();
  private final PainGuardProductionExceptionHandler handler = new PainGuardProductionExceptionHandler();

  @BeforeEach
  void configure() {
    handler.configure(Map.of(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq",
        PainGuardStreamsConfig.DEAD_LETTER_COUNTER, counter));
  }

  @Test
  void aDeadLetterThatCannotBeWrittenIsDroppedAndItsRetryWritesAStub() {
    var response = handler.handleError(CONTEXT, deadLetter(null), new RecordTooLargeException("too large"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(counter.fallbacks().failedBefore("activity-events-3@42")).isTrue();
    assertThat(counter.fallbacks().writable()).isTrue();
  }

  @Test
  void aDeadLetterThatFailsRetriablyRetriesTheTasksAndIsStubbedToo() {
    var response = handler.handleError(CONTEXT, deadLetter(null), new NotEnoughReplicasException("isr"));

    assertThat(response.result()).isEqualTo(Result.RETRY);
    assertThat(counter.fallbacks().failedBefore("activity-events-3@42")).isTrue();
  }

  @Test
  void aFailureStubThatCannotBeWrittenClosesTheDeadLetterTopic() {
    var response = handler.handleError(CONTEXT, deadLetter("WRITE_FAILED"), new RecordTooLargeException("too large"));

    assertThat(response.result()).isEqualTo(Result.RESUME);
    assertThat(counter.fallbacks().writable()).isFalse();
  }

  @Test
  void anAlertThatCannotBeWrittenFailsTheThreadInsteadOfBeingDropped() {
    var response = handler.handleError(CONTEXT, alert(), new RecordTooLargeException("too large"));

    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(counter.fallbacks().writable()).isTrue();
  }

  @Test
  void anAlertThatFailsRetriablyIsRetried() {
    var response = handler.handleError(CONTEXT, alert(), new NotEnoughReplicasException("isr"));

    assertThat(response.result()).isEqualTo(Result.RETRY);
  }

  @Test
  void anAlertThatCannotBeSerializedFailsTheThread() {
    var response = handler.handleSerializationError(
        CONTEXT, new ProducerRecord<>("exertion-alerts", "ana", "alert"), new SerializationException("registry"),
        SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(Result.FAIL);
  }

  private static ProducerRecord<byte[], byte[]> deadLetter(String stub) {
    Headers headers = DeadLetters.headers(null, "activity-events", 3, 42, DeadLetters.Reason.UNDECODABLE, "x", "bad");
    if (stub != null) {
      headers.add(DeadLetters.STUB, stub.getBytes(StandardCharsets.UTF_8));
    }
    return new ProducerRecord<>("dlq", null, null, "ana".getBytes(StandardCharsets.UTF_8), new byte[10], headers);
  }

  private static ProducerRecord<byte[], byte[]> alert() {
    return new ProducerRecord<>("exertion-alerts", "ana".getBytes(StandardCharsets.UTF_8), new byte[10]);
  }

  private static final ErrorHandlerContext CONTEXT = new ErrorHandlerContext() {
    @Override public String topic() { return "pain-reports"; }
    @Override public int partition() { return 3; }
    @Override public long offset() { return 7; }
    @Override public Headers headers() { return new RecordHeaders(); }
    @Override public String processorNodeId() { return "alert-sink"; }
    @Override public TaskId taskId() { return new TaskId(0, 3); }
    @Override public long timestamp() { return 0; }
    @Override public byte[] sourceRawKey() { return null; }
    @Override public byte[] sourceRawValue() { return null; }
  };
}
