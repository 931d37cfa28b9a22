package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import java.io.IOException;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution: the reader's schema is resolved against the writer's, never assumed equal.
 * "v1" is today's ActivityEvent without trunkFlexionDeg; "v2" is today's ActivityEvent; "v3"
 * adds an optional field with a non-null default and a new enum symbol.
 */
class EvolutionTest {

  private static final String SCOPE = "evolution";
  private static final String TOPIC = ContractTopics.ACTIVITY_EVENTS;
  private static final Map<String, String> CONFIG =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.drop(SCOPE);
  }

  private static Schema v1() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(ActivityEvent.getClassSchema().toString());
    ArrayNode fields = (ArrayNode) schema.get("fields");
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).get("name").asText().equals("trunkFlexionDeg")) {
        fields.remove(i);
      }
    }
    return new Schema.Parser().parse(schema.toString());
  }

  private static Schema v3() throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(ActivityEvent.getClassSchema().toString());
    ArrayNode fields = (ArrayNode) schema.get("fields");
    fields.addObject().put("name", "confidencePct").put("type", "int").put("default", 100)
        .put("doc", "new in v3");
    ObjectNode activityType = (ObjectNode) fields.get(3).get("type");
    ((ArrayNode) activityType.get("symbols")).add("PILATES");
    return new Schema.Parser().parse(schema.toString());
  }

  private static byte[] writeGeneric(GenericRecord record) {
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(CONFIG, false);
    return serializer.serialize(TOPIC, record);
  }

  @Test
  void v2ReaderReadsV1DataFillingTheNewOptionalFieldWithItsDefault() throws IOException {
    // Given a record written with v1, which has no trunkFlexionDeg
    Schema v1 = v1();
    GenericRecord old = new GenericData.Record(v1);
    old.put("eventId", "old-1");
    old.put("athleteId", "athlete-1");
    old.put("timestamp", Samples.T0.toEpochMilli());
    old.put("activityType", new GenericData.EnumSymbol(v1.getField("activityType").schema(),
        "CYCLING"));
    old.put("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "UNKNOWN"));
    old.put("heartRateBpm", 131);
    byte[] bytes = writeGeneric(old);
    assertThat(WireFormat.schemaIdOf(bytes))
        .isEqualTo(MockSchemaRegistry.forScope(SCOPE).getId(TOPIC + "-value", v1));

    // When the current class reads it
    SpecificAvroDeserializer<ActivityEvent> reader = new SpecificAvroDeserializer<>(ActivityEvent.class);
    reader.configure(CONFIG, false);
    ActivityEvent event = reader.deserialize(TOPIC, bytes);

    // Then old fields survive and the new one takes its default
    assertThat(event.getEventId()).isEqualTo("old-1");
    assertThat(event.getTimestamp()).isEqualTo(Samples.T0);
    assertThat(event.getActivityType()).isEqualTo(ActivityType.CYCLING);
    assertThat(event.getHeartRateBpm()).isEqualTo(131);
    assertThat(event.getTrunkFlexionDeg()).isNull();
  }

  @Test
  void v1ReaderReadsV2DataIgnoringTheFieldItDoesNotKnow() throws IOException {
    // Given a record written by today's class, with trunkFlexionDeg set
    SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>();
    serializer.configure(CONFIG, false);
    byte[] bytes = serializer.serialize(TOPIC, Samples.activity());

    // When a v1 reader reads it
    GenericAvroDeserializer reader = new GenericAvroDeserializer(v1());
    reader.configure(CONFIG, false);
    GenericRecord record = reader.deserialize(TOPIC, bytes);

    // Then it sees v1's fields with the written values, and nothing else
    assertThat(record.getSchema().getField("trunkFlexionDeg")).isNull();
    assertThat(record.get("eventId")).hasToString("evt-1");
    assertThat(record.get("heartRateBpm")).isEqualTo(152);
    assertThat(record.get("cadencePerMin")).isEqualTo(168);
    assertThat(record.get("speedMps")).isEqualTo(3.4f);
    assertThat(record.get("timestamp")).isEqualTo(Samples.T0.toEpochMilli());
  }

  @Test
  void newerReaderUsesNonNullDefaultsAndOlderReaderMapsUnknownSymbolsToUnknown() throws IOException {
    // Given today's data, and v3 data using an enum symbol today's code does not know
    Schema v3 = v3();
    SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>();
    serializer.configure(CONFIG, false);
    byte[] today = serializer.serialize(TOPIC, Samples.activity());
    GenericRecord future = new GenericData.Record(v3);
    future.put("eventId", "new-1");
    future.put("athleteId", "athlete-1");
    future.put("timestamp", Samples.T0.toEpochMilli());
    future.put("activityType", new GenericData.EnumSymbol(v3.getField("activityType").schema(),
        "PILATES"));
    future.put("source", new GenericData.EnumSymbol(v3.getField("source").schema(), "PHONE"));
    future.put("confidencePct", 80);
    byte[] fromFuture = writeGeneric(future);

    // When v3 reads today's data and today's class reads v3 data
    GenericAvroDeserializer v3Reader = new GenericAvroDeserializer(v3);
    v3Reader.configure(CONFIG, false);
    SpecificAvroSerde<ActivityEvent> todaysSerde = SpecificAvroSerde.of(ActivityEvent.class, CONFIG,
        false);

    // Then the default fills the missing field, and the unknown symbol becomes the enum default
    assertThat(v3Reader.deserialize(TOPIC, today).get("confidencePct")).isEqualTo(100);
    ActivityEvent read = todaysSerde.deserializer().deserialize(TOPIC, fromFuture);
    assertThat(read.getActivityType()).isEqualTo(ActivityType.UNKNOWN);
    assertThat(read.getSource()).hasToString("PHONE");
    assertThat(MockSchemaRegistry.forScope(SCOPE).versionIds(TOPIC + "-value")).hasSize(2);
  }

  @Test
  void useLatestVersionReencodesARecordAsTheSubjectsNewerSchema() throws IOException {
    // Given the subject already moved on to v3 and the producer still has today's class
    Schema v3 = v3();
    int latestId = MockSchemaRegistry.forScope(SCOPE).register(TOPIC + "-value", v3);
    SpecificAvroSerializer<ActivityEvent> serializer = new SpecificAvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false",
        AvroSerdeConfig.USE_LATEST_VERSION, "true"), false);

    // When
    byte[] bytes = serializer.serialize(TOPIC, Samples.activity());

    // Then the frame claims v3 and really is v3 data
    assertThat(WireFormat.schemaIdOf(bytes)).isEqualTo(latestId);
    GenericAvroDeserializer asWritten = new GenericAvroDeserializer();
    asWritten.configure(CONFIG, false);
    GenericRecord record = asWritten.deserialize(TOPIC, bytes);
    assertThat(record.getSchema()).isEqualTo(v3);
    assertThat(record.get("confidencePct")).isEqualTo(100);
    assertThat(record.get("trunkFlexionDeg")).isEqualTo(12.5f);
  }

  @Test
  void useLatestVersionLooksAgainAfterTheCacheTtl() throws IOException {
    // Given a subject holding today's schema and serializers with and without a latest TTL
    MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
    int todayId = registry.register(TOPIC + "-value", ActivityEvent.getClassSchema());
    SpecificAvroSerializer<ActivityEvent> rechecking = new SpecificAvroSerializer<>();
    rechecking.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true",
        AvroSerdeConfig.LATEST_CACHE_TTL_SEC, "0"), false);
    SpecificAvroSerializer<ActivityEvent> caching = new SpecificAvroSerializer<>();
    caching.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false", AvroSerdeConfig.USE_LATEST_VERSION, "true"),
        false);
    assertThat(WireFormat.schemaIdOf(rechecking.serialize(TOPIC, Samples.activity())))
        .isEqualTo(todayId);
    assertThat(WireFormat.schemaIdOf(caching.serialize(TOPIC, Samples.activity())))
        .isEqualTo(todayId);

    // When the subject moves on to v3
    int v3Id = registry.register(TOPIC + "-value", v3());

    // Then only the serializer with a TTL follows
    assertThat(WireFormat.schemaIdOf(rechecking.serialize(TOPIC, Samples.activity())))
        .isEqualTo(v3Id);
    assertThat(WireFormat.schemaIdOf(caching.serialize(TOPIC, Samples.activity())))
        .isEqualTo(todayId);
  }
}
