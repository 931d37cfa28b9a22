package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kafka Streams builds the serde from a class name and configures it from the app's properties,
 * exactly as it would Confluent's: nothing but configuration names it.
 */
class KafkaStreamsConfigOnlyTest {

  private static final String SCOPE = "streams-config";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  @Test
  void defaultValueSerdeByClassNameWorksInTopologyTestDriver() {
    // Given a pass-through topology whose value serde comes from config only
    StreamsBuilder builder = new StreamsBuilder();
    builder.<String, SpecificRecord>stream(ContractTopics.ACTIVITY_EVENTS)
        .to("copied-activity");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "serde-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
    props.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, SpecificAvroSerde.class.getName());
    props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props);
        SpecificAvroSerde<ActivityEvent> testSerde = SpecificAvroSerde.of(ActivityEvent.class,
            java.util.Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false)) {
      TestInputTopic<String, ActivityEvent> in = driver.createInputTopic(
          ContractTopics.ACTIVITY_EVENTS, new StringSerializer(), testSerde.serializer());
      TestOutputTopic<String, ActivityEvent> out = driver.createOutputTopic("copied-activity",
          new StringDeserializer(), testSerde.deserializer());

      // When
      in.pipeInput("athlete-7", Samples.activity());

      // Then the record crossed the topology, and both subjects were registered in the scope
      assertThat(out.readValue()).isEqualTo(Samples.activity());
      assertThat(MockSchemaRegistry.forScope(SCOPE).subjects())
          .containsExactly("activity-events-value", "copied-activity-value");
    }
  }
}
