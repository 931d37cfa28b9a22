package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serializer's output equals a frame built by hand with Avro's own writer, byte for byte. */
class GoldenBytesTest {

  private static final String SCOPE = "golden";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private static byte[] handBuiltFrame(int id, SpecificRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x00);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
    @SuppressWarnings("unchecked")
    SpecificDatumWriter<SpecificRecord> writer =
        new SpecificDatumWriter<>((Class<SpecificRecord>) record.getClass());
    writer.write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void framesMatchHandBuiltBytesForEveryTopic() throws IOException {
    // Given ids 1..3 taken by other subjects, so the ids under test are not the first ones
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
    registry.register("other-1", PainReport.getClassSchema());
    registry.register("other-2", ExertionAlert.getClassSchema());
    registry.register("other-3", io.painguard.events.AthleteProfile.getClassSchema());
    SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);

    // When / Then: new schema gets id 4, identical schemas reuse theirs
    assertThat(serializer.serialize(ContractTopics.ACTIVITY_EVENTS, Samples.activity()))
        .isEqualTo(handBuiltFrame(4, Samples.activity()));
    assertThat(serializer.serialize(ContractTopics.EXERTION_ALERTS, Samples.alert()))
        .isEqualTo(handBuiltFrame(2, Samples.alert()));
    assertThat(serializer.serialize(ContractTopics.PAIN_REPORTS, Samples.painReport()))
        .isEqualTo(handBuiltFrame(1, Samples.painReport()));
  }

  @Test
  void minimalActivityEventHasTheExpectedLiteralBytes() {
    // Given
    SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
    ActivityEvent event = ActivityEvent.newBuilder()
        .setEventId("e")
        .setAthleteId("a")
        .setTimestamp(java.time.Instant.ofEpochMilli(1))
        .setActivityType(io.painguard.events.ActivityType.RUNNING)
        .build();

    // When
    byte[] bytes = serializer.serialize(ContractTopics.ACTIVITY_EVENTS, event);

    // Then, spelled out by the Avro spec: zig-zag varints, strings as length + UTF-8,
    // enums as index, unions as branch index (0 = null)
    assertThat(bytes).containsExactly(
        0x00, 0x00, 0x00, 0x00, 0x01, // magic, schema id 1
        0x02, 'e', // eventId
        0x02, 'a', // athleteId
        0x02, // timestamp 1 ms
        0x06, // activityType RUNNING (index 3)
        0x00, // source UNKNOWN (index 0)
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00); // seven null optional fields
  }

  @Test
  void acknowledgementHasTheExpectedLiteralBytes() {
    // Given an acknowledgement with a two-character note
    SpecificAvroSerializer<io.painguard.events.AlertAcknowledgement> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
    io.painguard.events.AlertAcknowledgement ack = io.painguard.events.AlertAcknowledgement.newBuilder()
        .setAlertId("x")
        .setAthleteId("a")
        .setAcknowledgedBy("c")
        .setAcknowledgedAt(java.time.Instant.ofEpochMilli(2))
        .setNote("ok")
        .build();

    // When
    byte[] bytes = serializer.serialize(ContractTopics.ALERT_ACKNOWLEDGEMENTS, ack);

    // Then the fields in schema order: three strings, the zig-zag time, the note's union branch 1
    assertThat(bytes).containsExactly(
        0x00, 0x00, 0x00, 0x00, 0x01, // magic, schema id 1
        0x02, 'x', // alertId
        0x02, 'a', // athleteId
        0x02, 'c', // acknowledgedBy
        0x04, // acknowledgedAt 2 ms
        0x02, 0x04, 'o', 'k'); // note: branch 1 (string), length 2
  }
}
