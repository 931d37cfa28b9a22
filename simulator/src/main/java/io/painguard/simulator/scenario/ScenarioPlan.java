package io.painguard.simulator.scenario;

import io.painguard.simulator.InputTopic;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one pass of a scenario sends, in delivery order.
 *
 * @param scenario the scenario
 * @param start event time of offset 0
 * @param records in the order to send them
 */
public record ScenarioPlan(Scenario scenario, Instant start, List<PlannedRecord> records) {

  public ScenarioPlan {
    records = List.copyOf(records);
  }

  /** Delivery offset of the last record (0 for an empty plan). */
  public long lastDeliverOffsetMillis() {
    return records.isEmpty() ? 0 : records.get(records.size() - 1).deliverOffsetMillis();
  }

  /** Good records per topic. */
  public Map<InputTopic, Integer> countsByTopic() {
    Map<InputTopic, Integer> counts = new EnumMap<>(InputTopic.class);
    for (PlannedRecord r : records) {
      if (r.malformation() == null) {
        counts.merge(r.topic(), 1, Integer::sum);
      }
    }
    return counts;
  }

  public long malformedCount() {
    return records.stream().filter(r -> r.malformation() != null).count();
  }
}
