package io.painguard.topology;

import io.painguard.contract.ContractTopics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net for exceptions the topology did not expect (KIP-1033): the source record's
 * original bytes go to the dead-letter topic (KIP-1034's {@code errors.dead.letter.queue.topic.name})
 * with the same {@link DeadLetters} headers as validation failures, reason PROCESSING_FAILED, and
 * processing continues. Transient failures (registry unreachable, retriable Kafka errors) fail the
 * task instead, so good data is not dead-lettered for them.
 *
 * <p>Configured by {@link PainGuardStreamsConfig}; the counter is passed in the config map under
 * {@link PainGuardStreamsConfig#DEAD_LETTER_COUNTER}.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

  private static final Logger LOG =
      LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

  private String deadLetterTopic = ContractTopics.DEAD_LETTERS;
  private DeadLetterCounter counter = new DeadLetterCounter();

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (topic != null && !topic.toString().isBlank()) {
      deadLetterTopic = topic.toString();
    }
    if (configs.get(PainGuardStreamsConfig.DEAD_LETTER_COUNTER) instanceof DeadLetterCounter c) {
      counter = c;
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
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
    ProducerRecord<byte[], byte[]> deadLetter =
        new ProducerRecord<>(
            deadLetterTopic,
            null,
            context.timestamp() < 0 ? null : context.timestamp(),
            context.sourceRawKey(),
            context.sourceRawValue(),
            DeadLetters.headers(
                context.headers(),
                context.topic(),
                context.partition(),
                context.offset(),
                reason,
                exception.getClass().getName(),
                exception.getMessage()));
    return Response.resume(List.of(deadLetter));
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
