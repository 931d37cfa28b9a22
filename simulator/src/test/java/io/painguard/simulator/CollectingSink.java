package io.painguard.simulator;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** A sink for tests: keeps every record, acknowledges at once. */
public final class CollectingSink implements RecordSink {

  /** One record as it was sent. */
  public record Sent(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {}

  private final List<Sent> sent = new ArrayList<>();
  private final SendStats stats = new SendStats();
  private int flushes;

  @Override
  public void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {
    stats.attempted();
    sent.add(new Sent(topic, key, value, corruption));
    stats.acknowledged();
  }

  @Override
  public void flush() {
    flushes++;
  }

  @Override
  public SendStats stats() {
    return stats;
  }

  public List<Sent> sent() {
    return sent;
  }

  public int flushes() {
    return flushes;
  }
}
