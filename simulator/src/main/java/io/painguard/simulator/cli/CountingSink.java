package io.painguard.simulator.cli;

import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import org.apache.avro.specific.SpecificRecord;

/** The sink of {@code --dry-run}: acknowledges everything at once and sends nothing. */
final class CountingSink implements RecordSink {

  private final SendStats stats = new SendStats();

  @Override
  public void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {
    stats.attempted();
    stats.acknowledged();
  }

  @Override
  public void flush() {}

  @Override
  public SendStats stats() {
    return stats;
  }
}
