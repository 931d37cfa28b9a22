package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Confluent 8's schema ids in record headers: a producer with {@code HeaderSchemaIdSerializer}
 * writes the bare Avro body and puts 0x01 and the schema's 16-byte GUID in {@code
 * __value_schema_id} ({@code __key_schema_id} for keys). The deserializers read such records as
 * Confluent's {@code DualSchemaIdDeserializer} does: by the header when there is one, else by the
 * payload's prefix.
 */
class SchemaIdHeaderTest {

  private static final String SCOPE = "schema-id-headers";
  private static final String TOPIC = "activity-events";

  private final MockSchemaRegistry mock = MockSchemaRegistry.forScope(SCOPE);
  private FakeRegistryServer server;

  @AfterEach
  void drop() {
    MockSchemaRegistry.drop(SCOPE);
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRecordWhoseSchemaGuidIsInTheValueHeaderIsRead() {
    // Given a record as Confluent 8 writes it with HeaderSchemaIdSerializer
    int id = mock.register(TOPIC + "-value", ActivityEvent.getClassSchema());
    Headers headers = headers(WireFormat.VALUE_SCHEMA_ID_HEADER, WireFormat.guidHeader(mock.guidOf(id)));
    byte[] body = bareBody(Samples.activity());

    // When
    ActivityEvent read = specific(false).deserialize(TOPIC, headers, body);

    // Then
    assertThat(read).isEqualTo(Samples.activity());
    assertThat(WireFormat.guidHeader(mock.guidOf(id))).hasSize(17).startsWith(0x01);
  }

  @Test
  void theMocksGuidIsConfluentsMd5OfTheSchemaText() throws Exception {
    int id = mock.register(TOPIC + "-value", ActivityEvent.getClassSchema());
    byte[] md5 = java.security.MessageDigest.getInstance("MD5")
        .digest(ActivityEvent.getClassSchema().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(WireFormat.guidHeader(mock.guidOf(id))).endsWith(md5);
  }

  @Test
  void aHeaderHoldingANumericIdWorksToo() {
    // Given a header naming PainReport's schema by its numeric id (0x00 and 4 bytes)
    int id = mock.register("pain-reports-value", PainReport.getClassSchema());
    byte[] body = bareBody(Samples.painReport());
    Headers headers = headers(WireFormat.VALUE_SCHEMA_ID_HEADER,
        ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());

    // When / Then the generic reader follows the header
    GenericRecord read = generic().deserialize("pain-reports", headers, body);
    assertThat(read.getSchema()).isEqualTo(PainReport.getClassSchema());
    assertThat(read.get("athleteId").toString()).isEqualTo(Samples.painReport().getAthleteId());
  }

  @Test
  void keysLookAtTheKeyHeaderAndValuesAtTheValueHeader() {
    int id = mock.register(TOPIC + "-key", ActivityEvent.getClassSchema());
    Headers headers = headers(WireFormat.KEY_SCHEMA_ID_HEADER, WireFormat.guidHeader(mock.guidOf(id)));
    byte[] body = bareBody(Samples.activity());

    assertThat(specific(true).deserialize(TOPIC, headers, body)).isEqualTo(Samples.activity());
    // A value deserializer ignores the key's header and finds no frame in the bare body
    assertThatThrownBy(() -> specific(false).deserialize(TOPIC, headers, body))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void overRestTheGuidIsResolvedOnceWithGetSchemasGuids() throws IOException {
    // Given a registry over HTTP that knows the schema
    server = new FakeRegistryServer();
    int id = server.preRegister(TOPIC + "-value", ActivityEvent.getClassSchema());
    UUID guid = server.guidOf(id);
    SpecificAvroDeserializer<ActivityEvent> deserializer = new SpecificAvroDeserializer<>(ActivityEvent.class);
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), false);

    // When many records name it
    for (int i = 0; i < 20; i++) {
      assertThat(deserializer.deserialize(TOPIC,
          headers(WireFormat.VALUE_SCHEMA_ID_HEADER, WireFormat.guidHeader(guid)),
          bareBody(Samples.activity()))).isEqualTo(Samples.activity());
    }

    // Then the registry was asked once, by GUID
    assertThat(server.requests()).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/schemas/guids/" + guid));
  }

  @Test
  void anUnknownGuidOrAMalformedHeaderIsNamedInTheMessage() {
    UUID unknown = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    SpecificAvroDeserializer<ActivityEvent> deserializer = specific(false);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC,
        headers(WireFormat.VALUE_SCHEMA_ID_HEADER, WireFormat.guidHeader(unknown)), new byte[] {2}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown schema guid " + unknown)
        .satisfies(e -> assertThat(((SchemaRegistryException) e.getCause()).isNotFound()).isTrue());
    assertThatThrownBy(() -> deserializer.deserialize(TOPIC,
        headers(WireFormat.VALUE_SCHEMA_ID_HEADER, new byte[] {7, 1, 2}), new byte[] {2}))
        .isInstanceOf(SerializationException.class)
        .hasMessage("Cannot deserialize value from topic " + TOPIC + ": the schema-id header is 3"
            + " bytes starting with 0x07; Confluent's holds 0x01 and a 16-byte GUID, or 0x00 and a"
            + " 4-byte schema id");
  }

  @Test
  void schemaIdOfNamesTheHeadersOrThePrefixsSchemaAndNeverThrows() {
    UUID guid = UUID.randomUUID();

    assertThat(WireFormat.schemaIdOf(headers(WireFormat.VALUE_SCHEMA_ID_HEADER,
        WireFormat.guidHeader(guid)), new byte[] {0, 0, 0, 0, 5}, false))
        .contains(new SchemaId.Guid(guid));
    assertThat(WireFormat.schemaIdOf(new RecordHeaders(), new byte[] {0, 0, 0, 0, 5}, false))
        .contains(new SchemaId.Number(5));
    assertThat(WireFormat.schemaIdOf(null, new byte[] {0, 0, 0, 1, 0, 9}, true))
        .contains(new SchemaId.Number(256));
    assertThat(WireFormat.schemaIdOf(headers(WireFormat.VALUE_SCHEMA_ID_HEADER, new byte[] {1}),
        new byte[] {0, 0, 0, 0, 5}, false)).isEqualTo(Optional.empty());
    assertThat(WireFormat.schemaIdOf(null, new byte[] {'{'}, false)).isEmpty();
    assertThat(WireFormat.schemaIdOf(null, null, false)).isEmpty();
  }

  // ---- helpers ----

  private SpecificAvroDeserializer<ActivityEvent> specific(boolean isKey) {
    SpecificAvroDeserializer<ActivityEvent> deserializer = new SpecificAvroDeserializer<>(ActivityEvent.class);
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
        isKey);
    return deserializer;
  }

  private GenericAvroDeserializer generic() {
    GenericAvroDeserializer deserializer = new GenericAvroDeserializer();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE),
        false);
    return deserializer;
  }

  /** The Avro body alone, as a header-id producer writes it: our frame without its 5 bytes. */
  private static byte[] bareBody(org.apache.avro.specific.SpecificRecord record) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, MockSchemaRegistry.URL_PREFIX + SCOPE + "-writer");
    SpecificAvroSerializer<org.apache.avro.specific.SpecificRecord> serializer = new SpecificAvroSerializer<>();
    serializer.configure(config, false);
    byte[] framed = serializer.serialize("any", record);
    MockSchemaRegistry.drop(SCOPE + "-writer");
    return Arrays.copyOfRange(framed, WireFormat.HEADER_SIZE, framed.length);
  }

  private static Headers headers(String name, byte[] value) {
    return new RecordHeaders().add(name, value);
  }
}
