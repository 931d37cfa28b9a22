package io.painguard.topology;

import io.painguard.topology.DeadLetterStubs.Letter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The last step before the dead-letter sink: turns a dead letter into the record to write, bounded
 * by {@code painguard.topology.dead-letter-max-bytes} (or a stub, or nothing when the DLQ is
 * unwritable; see {@link DeadLetterFallbacks}). Bounding here, before the producer, is what keeps
 * an oversized input record from ever failing a send.
 */
final class DeadLetterWriter implements Processor<byte[], Decoded, byte[], byte[]> {

  private final DeadLetterFallbacks fallbacks;
  private final int cap;
  private ProcessorContext<byte[], byte[]> context;

  DeadLetterWriter(DeadLetterFallbacks fallbacks, int cap) {
    this.fallbacks = fallbacks;
    this.cap = cap;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], Decoded> record) {
    Letter letter = fallbacks.prepare(new Letter(record.key(), record.value().rawValue(), record.headers()), cap);
    if (letter != null) {
      context.forward(new Record<>(letter.key(), letter.value(), record.timestamp(), letter.headers()));
    }
  }
}
