package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertAcknowledgement;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractRoundTripTest {

  private static final String SCOPE = "round-trip";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of(ContractTopics.ACTIVITY_EVENTS, ActivityEvent.class, Samples.activity()),
        Arguments.of(ContractTopics.ACTIVITY_EVENTS, ActivityEvent.class, Samples.minimalActivity()),
        Arguments.of(ContractTopics.PAIN_REPORTS, PainReport.class, Samples.painReport()),
        Arguments.of(ContractTopics.PAIN_REPORTS, PainReport.class, Samples.minimalPainReport()),
        Arguments.of(ContractTopics.ATHLETE_PROFILES, AthleteProfile.class, Samples.profile()),
        Arguments.of(ContractTopics.ATHLETE_PROFILES, AthleteProfile.class, Samples.minimalProfile()),
        Arguments.of(ContractTopics.EXERTION_ALERTS, ExertionAlert.class, Samples.alert()),
        Arguments.of(ContractTopics.EXERTION_ALERTS, ExertionAlert.class, Samples.minimalAlert()),
        Arguments.of(ContractTopics.ALERT_ACKNOWLEDGEMENTS, AlertAcknowledgement.class, Samples.acknowledgement()),
        Arguments.of(
            ContractTopics.ALERT_ACKNOWLEDGEMENTS, AlertAcknowledgement.class, Samples.minimalAcknowledgement()));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("records")
  <T extends SpecificRecord> void typedSerdeReturnsAnEqualRecord(String topic, Class<T> type,
      T record) {
    // Given a serde built for the record's class against a mock registry
    SpecificAvroSerde<T> serde = SpecificAvroSerde.of(type,
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);

    // When the record goes through it
    byte[] bytes = serde.serializer().serialize(topic, record);
    T back = serde.deserializer().deserialize(topic, bytes);

    // Then it comes back equal, framed with the id registered under <topic>-value
    assertThat(back).isEqualTo(record).isInstanceOf(type);
    int id = MockSchemaRegistry.forScope(SCOPE).getId(topic + "-value", record.getSchema());
    assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(id);
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("records")
  <T extends SpecificRecord> void classlessSerdeFindsTheClassByWriterSchemaName(String topic,
      Class<T> type, T record) {
    // Given a serde without a target class, as Kafka Streams builds one from a class name
    SpecificAvroSerde<SpecificRecord> serde = new SpecificAvroSerde<>();
    serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);

    // When
    SpecificRecord back = serde.deserializer().deserialize(topic,
        serde.serializer().serialize(topic, record));

    // Then the generated class named by the writer schema comes back
    assertThat(back).isInstanceOf(type).isEqualTo(record);
  }
}
