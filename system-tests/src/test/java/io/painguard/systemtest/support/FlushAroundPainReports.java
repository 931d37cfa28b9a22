package io.painguard.systemtest.support;

import io.painguard.events.PainReport;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.SendStats;
import org.apache.avro.specific.SpecificRecord;

/**
 * A sink that makes each pain report readable after every record sent before it and before every
 * record sent after it. A producer's batches for {@code activity-events} and {@code pain-reports}
 * otherwise become readable in whatever order they fill or linger out, so an app reading at the
 * head of the topics can judge a pain report before the samples that preceded it. The rules absorb
 * that (the README's "Time and ordering"), but the evidence an alert carries then depends on the
 * producer's batching, not on the data, and a run could not be compared with a reference in full.
 * The generator sends a report just before the sample of the same second, so this is the order a
 * task picks from a backlog.
 */
final class FlushAroundPainReports implements RecordSink {

  private final RecordSink sink;

  FlushAroundPainReports(RecordSink sink) {
    this.sink = sink;
  }

  @Override
  public void send(InputTopic topic, String key, SpecificRecord value, MalformedKind corruption) {
    if (value instanceof PainReport) {
      sink.flush();
      sink.send(topic, key, value, corruption);
      sink.flush();
    } else {
      sink.send(topic, key, value, corruption);
    }
  }

  @Override
  public void flush() {
    sink.flush();
  }

  @Override
  public SendStats stats() {
    return sink.stats();
  }
}
