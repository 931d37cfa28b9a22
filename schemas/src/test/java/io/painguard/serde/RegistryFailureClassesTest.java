package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which registry failures are worth waiting for ({@link SchemaRegistryException#isTransient()}),
 * one status class at a time, against a real HTTP server playing the registry: callers park a
 * record for a transient failure and dead-letter it for any other.
 */
class RegistryFailureClassesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RECORD_USING_A_REFERENCE = "{\"type\":\"record\",\"name\":\"Outer\","
      + "\"fields\":[{\"name\":\"inner\",\"type\":\"io.painguard.test.Inner\"}]}";

  private FakeRegistryServer registry;
  private RestSchemaRegistryClient client;

  @BeforeEach
  void start() throws IOException {
    registry = new FakeRegistryServer();
    client = client(registry.url());
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 415, 422})
  void aClientErrorIsTheRegistrysFinalWordAndIsAskedOnce(int status) {
    registry.thenAnswer(status, FakeRegistryServer.errorBody(status * 100 + 1, "refused"));

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.getSchemaById(7));

    assertThat(e.isTransient()).isFalse();
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.isUnauthorized()).isEqualTo(status == 401 || status == 403);
    assertThat(registry.requests()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504, 408, 429})
  void aServerErrorTimeoutOrRateLimitIsTransientAndRetried(int status) {
    for (int i = 0; i < 50; i++) {
      registry.thenAnswer(status, FakeRegistryServer.errorBody(status, "busy"));
    }

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> client.getSchemaById(7));

    assertThat(e.isTransient()).isTrue();
    assertThat(e.isUnauthorized()).isFalse();
    assertThat(registry.requests()).as("one try and max.retries=3 more").hasSize(4);
  }

  @Test
  void anUnreachableRegistryIsTransient() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    RestSchemaRegistryClient unreachable = client("http://127.0.0.1:" + closed);

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class, () -> unreachable.getSchemaById(7));

    assertThat(e.httpStatus()).isEqualTo(SchemaRegistryException.NO_RESPONSE);
    assertThat(e.isTransient()).isTrue();
  }

  @Test
  void aSchemaWithReferencesIsUnsupportedNotTransientAndAskedOnce() {
    ObjectNode answer = JSON.createObjectNode().put("schema", RECORD_USING_A_REFERENCE);
    answer.putArray("references").addObject()
        .put("name", "io.painguard.test.Inner").put("subject", "inner").put("version", 1);
    registry.thenAnswer(200, answer.toString());

    UnsupportedSchemaException e = catchThrowableOfType(UnsupportedSchemaException.class, () -> client.getSchemaById(7));

    assertThat(e).hasMessageContaining("1 schema reference(s)");
    assertThat(e.isTransient()).isFalse();
    assertThat(registry.requests()).hasSize(1);
  }

  @Test
  void aSchemaThatIsNotAvroOrDoesNotParseIsUnsupported() {
    registry.thenAnswer(200, JSON.createObjectNode().put("schemaType", "PROTOBUF")
        .put("schema", "syntax = \"proto3\";").toString());
    registry.thenAnswer(200, JSON.createObjectNode().put("schema", "{\"type\":\"record\"}").toString());

    assertThat(catchThrowableOfType(UnsupportedSchemaException.class, () -> client.getSchemaById(7)))
        .hasMessageContaining("PROTOBUF schema, not Avro");
    assertThat(catchThrowableOfType(UnsupportedSchemaException.class, () -> client.getSchemaById(8)))
        .hasMessageContaining("not a valid Avro schema")
        .satisfies(e -> assertThat(e.isTransient()).isFalse());
  }

  @Test
  void anAnswerThatIsNotTheRegistrysIsTransient() {
    registry.thenAnswer(200, "<html>proxy login</html>");

    assertThat(catchThrowableOfType(SchemaRegistryException.class, () -> client.getSchemaById(7)).isTransient())
        .isTrue();
  }

  private static RestSchemaRegistryClient client(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    config.put(AvroSerdeConfig.MAX_RETRIES, 3);
    config.put(AvroSerdeConfig.RETRIES_WAIT_MS, 10);
    config.put(AvroSerdeConfig.RETRIES_MAX_WAIT_MS, 20);
    return new RestSchemaRegistryClient(AvroSerdeConfig.parse(config, false));
  }
}
