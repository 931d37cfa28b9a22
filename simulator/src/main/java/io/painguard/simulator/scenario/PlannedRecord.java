package io.painguard.simulator.scenario;

import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import org.apache.avro.specific.SpecificRecord;

/**
 * One record of a scenario run, ready to send.
 *
 * @param deliverOffsetMillis when to send it, counted in event time from the scenario start
 * @param eventTimeMillis its event time (epoch millis)
 * @param topic which input topic
 * @param key the record key (the athlete id)
 * @param value the record value
 * @param malformation null for a good record; otherwise what is deliberately wrong with it
 */
public record PlannedRecord(
    long deliverOffsetMillis,
    long eventTimeMillis,
    InputTopic topic,
    String key,
    SpecificRecord value,
    MalformedKind malformation) {

  /** True when the record is delivered later than records with a later event time may be. */
  public boolean isLate(long scenarioStartMillis) {
    return deliverOffsetMillis > eventTimeMillis - scenarioStartMillis;
  }
}
