package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way reading or writing can fail ends in a SerializationException naming the problem. */
class SerdeErrorsTest {

  private static final String SCOPE = "errors";
  private static final String TOPIC = ContractTopics.ACTIVITY_EVENTS;
  private static final Map<String, String> CONFIG =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

  private SpecificAvroSerde<ActivityEvent> serde;

  @BeforeEach
  void configure() {
    serde = SpecificAvroSerde.of(ActivityEvent.class, CONFIG, false);
  }

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private ActivityEvent read(byte[] bytes) {
    return serde.deserializer().deserialize(TOPIC, bytes);
  }

  @Test
  void nullBytesAreANullRecordAndANullRecordIsNullBytes() {
    assertThat(read(null)).isNull();
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
  }

  @Test
  void wrongMagicByteShowsTheByteAndTopic() {
    assertThatThrownBy(() -> read(new byte[] {0x05, 0, 0, 0, 1, 2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot deserialize value from topic activity-events")
        .hasMessageContaining("unknown magic byte 0x05");
  }

  @Test
  void emptyAndShortPayloadsSaySo() {
    assertThatThrownBy(() -> read(new byte[0]))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("payload is empty");
    assertThatThrownBy(() -> read(new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("payload is too short (2 bytes)");
  }

  @Test
  void unknownSchemaIdNamesTheId() {
    assertThatThrownBy(() -> read(new byte[] {0, 0, 0, 0, 42, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema id 42")
        .hasMessageContaining("mock://" + SCOPE);
  }

  @Test
  void truncatedBodyIsReportedAsTruncated() {
    byte[] whole = serde.serializer().serialize(TOPIC, Samples.activity());
    byte[] cut = Arrays.copyOf(whole, 12);

    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("the Avro body is truncated")
        .hasMessageContaining("12-byte payload")
        .hasMessageContaining("io.painguard.events.ActivityEvent id 1");
  }

  @Test
  void readerWriterMismatchNamesBothSchemas() {
    // Given a PainReport on the activity topic (a producer bug)
    SpecificAvroSerializer<PainReport> wrong = new SpecificAvroSerializer<>();
    wrong.configure(CONFIG, false);
    byte[] bytes = wrong.serialize(TOPIC, Samples.painReport());

    // When / Then, every time it is read
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> read(bytes))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("reader/writer schema mismatch")
          .hasMessageContaining("io.painguard.events.PainReport (schema id 1)")
          .hasMessageContaining("cannot be read as io.painguard.events.ActivityEvent")
          .hasMessageContaining("NAME_MISMATCH");
    }
  }

  @Test
  void readerMissingDefaultForAWriterlessFieldIsAMismatch() {
    // Given data written by an old schema lacking a field the reader requires without default
    Schema old = SchemaBuilder.record("ActivityEvent").namespace("io.painguard.events").fields()
        .requiredString("eventId").endRecord();
    GenericRecord record = new GenericData.Record(old);
    record.put("eventId", "x");
    GenericAvroSerde generic = new GenericAvroSerde(MockSchemaRegistry.forScope(SCOPE));
    generic.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE), false);
    byte[] bytes = generic.serializer().serialize("legacy", record);

    // When / Then
    assertThatThrownBy(() -> read(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("reader/writer schema mismatch")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE")
        .hasMessageContaining("athleteId");
  }

  @Test
  void incompatibleNewVersionShowsTheRegistrysMessage() {
    // Given the subject holds today's schema
    serde.serializer().serialize(TOPIC, Samples.activity());
    Schema breaking = SchemaBuilder.record("ActivityEvent").namespace("io.painguard.events")
        .fields().requiredString("eventId").requiredLong("mandatoryNewField").endRecord();
    GenericRecord record = new GenericData.Record(breaking);
    record.put("eventId", "x");
    record.put("mandatoryNewField", 1L);
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(CONFIG, false);

    // When / Then
    assertThatThrownBy(() -> serializer.serialize(TOPIC, record))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("rejected schema io.painguard.events.ActivityEvent for subject"
            + " activity-events-value as incompatible")
        .hasMessageContaining("Schema being registered is incompatible with an earlier schema")
        .hasMessageContaining("mandatoryNewField");
  }

  @Test
  void recordThatDoesNotFitItsSchemaFailsAndTheNextRecordIsUnharmed() {
    // Given a record with a required field left null
    ActivityEvent broken = new ActivityEvent();

    // When / Then
    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, broken))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Cannot serialize value for topic activity-events")
        .hasMessageContaining("does not fit its schema io.painguard.events.ActivityEvent");
    byte[] next = serde.serializer().serialize(TOPIC, Samples.activity());
    assertThat(read(next)).isEqualTo(Samples.activity());
  }

  @Test
  void unionMismatchNamesTheTypeButNotTheValue() {
    // Given a generic record whose optional string field holds a number
    Schema schema = SchemaBuilder.record("Note").fields().optionalString("note").endRecord();
    GenericRecord record = new GenericData.Record(schema);
    record.put("note", 424242);
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(CONFIG, false);

    // When / Then
    assertThatThrownBy(() -> serializer.serialize("notes", record))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("java.lang.Integer matches no branch of its union")
        .hasMessageNotContaining("424242");
  }

  @Test
  void failureInTheMiddleOfARecordDoesNotLeakIntoTheNextFrame() {
    // Given a record that fails late: all strings written, then a null required enum
    ActivityEvent broken = ActivityEvent.newBuilder(Samples.activity()).build();
    broken.setActivityType(null);
    assertThatThrownBy(() -> serde.serializer().serialize(TOPIC, broken))
        .isInstanceOf(SerializationException.class);

    // When the next record is written on the same thread
    byte[] next = serde.serializer().serialize(TOPIC, Samples.minimalActivity());

    // Then its bytes are exactly those of a fresh serializer
    SpecificAvroSerializer<ActivityEvent> fresh = new SpecificAvroSerializer<>();
    fresh.configure(CONFIG, false);
    assertThat(next).isEqualTo(fresh.serialize(TOPIC, Samples.minimalActivity()));
  }

  @Test
  void classlessReaderWithoutAGeneratedClassSaysWhatIsMissing() {
    // Given a record whose schema has no generated class
    Schema foreign = SchemaBuilder.record("Unknown").namespace("com.example").fields()
        .requiredString("id").endRecord();
    GenericRecord record = new GenericData.Record(foreign);
    record.put("id", "1");
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(CONFIG, false);
    byte[] bytes = serializer.serialize("foreign", record);
    SpecificAvroDeserializer<SpecificRecord> classless = new SpecificAvroDeserializer<>();
    classless.configure(CONFIG, false);

    // When / Then
    assertThatThrownBy(() -> classless.deserialize("foreign", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("no generated SpecificRecord class com.example.Unknown");
  }

  @Test
  void keySerdeUsesTheKeySubjectAndSaysKeyInErrors() {
    SpecificAvroSerde<ActivityEvent> keys = SpecificAvroSerde.of(ActivityEvent.class, CONFIG, true);

    keys.serializer().serialize(TOPIC, Samples.activity());

    assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).containsExactly(TOPIC + "-key");
    assertThatThrownBy(() -> keys.deserializer().deserialize(TOPIC, new byte[] {9}))
        .hasMessageStartingWith("Cannot deserialize key from topic activity-events");
  }

  @Test
  void unconfiguredSerdeSaysHowToConfigureIt() {
    SpecificAvroSerde<ActivityEvent> unconfigured = new SpecificAvroSerde<>(ActivityEvent.class);

    assertThatThrownBy(() -> unconfigured.serializer().serialize(TOPIC, Samples.activity()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not configured")
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> unconfigured.deserializer().deserialize(TOPIC, new byte[5]))
        .isInstanceOf(IllegalStateException.class);
  }
}
