package io.painguard.simulator.load;

import io.painguard.simulator.InputTopic;
import org.apache.avro.specific.SpecificRecord;

/** One record of the load: topic, key (athleteId) and value. */
public record GeneratedRecord(InputTopic topic, String key, SpecificRecord value) {}
