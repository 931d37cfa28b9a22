package io.painguard.topology;

import io.painguard.contract.ContractTopics;
import java.util.List;
import java.util.Map;
import io.painguard.topology.DeadLetterStubs.Letter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net for exceptions the topology did not expect (KIP-1033): the source record's
 * original bytes go to the dead-letter topic (KIP-1034's {@code errors.dead.letter.queue.topic.name})
 * with the same {@link DeadLetters} headers as validation failures, reason PROCESSING_FAILED, and
 * processing continues. Transient failures (registry unreachable, retriable Kafka errors) fail the
 * task instead, so good data is not dead-lettered for them, and so do failures to write an output
 * (an alert that cannot be serialized or sent, a producer whose transaction already failed): those
 * say nothing about the record, and dead-lettering it would drop its alert.
 *
 * <p>The dead letter is bounded like the topology's ({@link DeadLetterFallbacks#prepare}): a stub
 * when it is over {@code painguard.topology.dead-letter-max-bytes} or its write failed before, and
 * nothing when the dead-letter topic is unwritable.
 *
 * <p>Configured by {@link PainGuardStreamsConfig}; the counter is passed in the config map under
 * {@link PainGuardStreamsConfig#DEAD_LETTER_COUNTER}.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

  private static final Logger LOG =
      LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

  private String deadLetterTopic = ContractTopics.DEAD_LETTERS;
  private DeadLetterCounter counter = new DeadLetterCounter();
  private int cap = TopologySettings.DEFAULT_DEAD_LETTER_MAX_BYTES;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (topic != null && !topic.toString().isBlank()) {
      deadLetterTopic = topic.toString();
    }
    if (configs.get(PainGuardStreamsConfig.DEAD_LETTER_COUNTER) instanceof DeadLetterCounter c) {
      counter = c;
    }
    if (configs.get(PainGuardStreamsConfig.DEAD_LETTER_MAX_BYTES) instanceof Integer bytes) {
      cap = bytes;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (isWriteFailure(exception)) {
      LOG.error(
          "Writing an output failed in {} for {}-{}@{}; failing the task so it is retried: {}",
          context.processorNodeId(),
          context.topic(),
          context.partition(),
          context.offset(),
          PainGuardProductionExceptionHandler.describe(rootCause(exception)));
      return Response.fail();
    }
    if (TransientErrors.isTransient(exception)) {
      LOG.error(
          "Transient failure in {} for {}-{}@{}; failing the task so it is retried: {}",
          context.processorNodeId(),
          context.topic(),
          context.partition(),
          context.offset(),
          exception.toString());
      return Response.fail();
    }
    LOG.error(
        "Unexpected failure in {} for {}-{}@{}; dead-lettering the record: {}",
        context.processorNodeId(),
        context.topic(),
        context.partition(),
        context.offset(),
        exception.toString());
    if (context.topic() == null) {
      return Response.resume(); // not caused by a source record (a punctuation): nothing to keep
    }
    DeadLetters.Reason reason =
        causedBy(exception, io.painguard.rules.UnreadableStateException.class)
            ? DeadLetters.Reason.STATE_UNREADABLE
            : DeadLetters.Reason.PROCESSING_FAILED;
    counter.increment(reason);
    Letter letter =
        counter.fallbacks().prepare(
            new Letter(
                context.sourceRawKey(),
                context.sourceRawValue(),
                DeadLetters.headers(
                    context.headers(),
                    context.topic(),
                    context.partition(),
                    context.offset(),
                    reason,
                    exception.getClass().getName(),
                    exception.getMessage())),
            cap);
    if (letter == null) {
      return Response.resume();
    }
    return Response.resume(
        List.of(
            new ProducerRecord<>(
                deadLetterTopic,
                null,
                context.timestamp() < 0 ? null : context.timestamp(),
                letter.key(),
                letter.value(),
                letter.headers())));
  }

  /**
   * True when Kafka Streams failed to write an output while the record was processed: its record
   * collector wraps the client's error (or the serializer's) in a StreamsException.
   */
  static boolean isWriteFailure(Throwable exception) {
    for (Throwable t = exception; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof StreamsException && t.getCause() instanceof KafkaException cause
          && !(cause instanceof StreamsException)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable rootCause(Throwable exception) {
    Throwable t = exception;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
