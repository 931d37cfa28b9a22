package io.painguard.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.painguard.events.ExertionAlert;
import io.painguard.topology.PainGuardTopology;
import io.painguard.topology.TopologySettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Counts what flows through the detection topology without touching its code: read-only
 * processors hang off the input sources (events processed) and off the guard processor (alerts
 * emitted). They forward nothing, so the topology's output is unchanged.
 */
public final class TopologyMeters {

  static final String ALERT_METER = "painguard-alert-meter";
  static final String EVENT_METER_PREFIX = "painguard-event-meter-";

  private TopologyMeters() {}

  /**
   * Adds the meters to {@code topology} (as built by {@link PainGuardTopology#build}).
   *
   * @throws IllegalStateException when the topology lacks a node the meters hang off
   */
  public static Topology instrument(Topology topology, TopologySettings settings, PainGuardMetrics metrics) {
    List<String[]> sources = new ArrayList<>(); // {node name, topic}
    boolean guardFound = false;
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          for (String topic : source.topicSet()) {
            if (settings.inputTopics().contains(topic)) {
              sources.add(new String[] {node.name(), topic});
            }
          }
        }
        guardFound |= node.name().equals(PainGuardTopology.GUARD_PROCESSOR);
      }
    }
    if (!guardFound || sources.size() != settings.inputTopics().size()) {
      throw new IllegalStateException(
          "The topology has no node " + PainGuardTopology.GUARD_PROCESSOR + " or not one source per input topic.");
    }
    for (String[] source : sources) {
      Counter counter = metrics.eventsProcessed(source[1]);
      topology.addProcessor(
          EVENT_METER_PREFIX + source[1], () -> new CountingProcessor<>(r -> counter.increment()), source[0]);
    }
    topology.addProcessor(
        ALERT_METER,
        () ->
            new CountingProcessor<Object, Object>(
                r -> {
                  if (r.value() instanceof ExertionAlert alert) {
                    metrics.alertEmitted(alert.getSeverity(), alert.getState());
                  }
                }),
        PainGuardTopology.GUARD_PROCESSOR);
    return topology;
  }

  /** Sees each record, forwards nothing. */
  private static final class CountingProcessor<K, V> implements Processor<K, V, Void, Void> {
    private final java.util.function.Consumer<Record<K, V>> onRecord;

    CountingProcessor(java.util.function.Consumer<Record<K, V>> onRecord) {
      this.onRecord = onRecord;
    }

    @Override
    public void process(Record<K, V> record) {
      onRecord.accept(record);
    }
  }
}
