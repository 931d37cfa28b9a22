package io.painguard.topology;

import io.painguard.contract.ContractTopics;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when Kafka Streams cannot write a record, decided per output:
 *
 * <ul>
 *   <li><b>A dead letter</b> never stops processing. The failure is remembered ({@link
 *       DeadLetterFallbacks}) and this copy dropped. Under exactly-once the failed send has already
 *       doomed the transaction, so the record is processed again from the last commit, and its
 *       dead letter is then written as a stub -- or, if the stub failed too, counted and skipped.
 *   <li><b>An alert</b> (and a changelog record, and anything else) is never dropped: RETRY when
 *       the error is retriable (the tasks are re-run from their last commit), else FAIL, so the
 *       stream thread fails, is replaced, and produces the alert again. A lasting failure stops
 *       progress, and {@code /health/ready} and {@code /health/live} say so.
 * </ul>
 *
 * Some failures never reach this handler: Kafka Streams treats authorization errors as fatal to
 * the stream thread ({@code StreamThreadRestarts} deals with those). Log lines name the athlete (the
 * record key) and the error class and message, never the payload.
 */
public class PainGuardProductionExceptionHandler implements ProductionExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PainGuardProductionExceptionHandler.class);
  private static final int MAX_MESSAGE_CHARS = 200;

  private String deadLetterTopic = ContractTopics.DEAD_LETTERS;
  private DeadLetterFallbacks fallbacks = new DeadLetterFallbacks();

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (topic != null && !topic.toString().isBlank()) {
      deadLetterTopic = topic.toString();
    }
    if (configs.get(PainGuardStreamsConfig.DEAD_LETTER_COUNTER) instanceof DeadLetterCounter counter) {
      fallbacks = counter.fallbacks();
    }
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    boolean retriable = exception instanceof RetriableException;
    if (deadLetterTopic.equals(record.topic())) {
      String source = DeadLetters.source(record.headers());
      boolean failureStub = DeadLetters.Stub.WRITE_FAILED.name().equals(DeadLetters.header(record.headers(), DeadLetters.STUB));
      LOG.warn("Could not write the dead letter of {} (athlete {}) to {}: {}; {}",
          source, DeadLetters.athleteForLog(record.key()), record.topic(), describe(exception),
          failureStub ? "not even its stub" : "it is written as a stub when the record is processed again");
      fallbacks.writeFailed(source, failureStub, describe(exception));
      return retriable ? Response.retry() : Response.resume();
    }
    LOG.error("Could not write a record for athlete {} to {}: {}; {}, so it is written again -- alerts are never dropped.",
        DeadLetters.athleteForLog(record.key()), record.topic(), describe(exception),
        retriable ? "retrying the tasks from their last commit" : "failing the stream thread");
    return retriable ? Response.retry() : Response.fail();
  }

  @Override
  public Response handleSerializationError(
      ErrorHandlerContext context, ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
    LOG.error("Could not serialize the {} of a record for {}: {}; failing the stream thread, so it is written again.",
        origin.name().toLowerCase(java.util.Locale.ROOT), record.topic(), describe(exception));
    return Response.fail();
  }

  /** {@code RecordTooLargeException: The message is 3145800 bytes ...}, cut short. */
  static String describe(Throwable exception) {
    String message = exception.getMessage() == null ? "" : ": " + exception.getMessage().lines().findFirst().orElse("");
    String text = exception.getClass().getSimpleName() + message;
    return text.length() > MAX_MESSAGE_CHARS ? text.substring(0, MAX_MESSAGE_CHARS) + "..." : text;
  }
}
