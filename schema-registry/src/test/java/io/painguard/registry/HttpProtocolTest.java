package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.registry.RegistryClient.Reply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Media types, error bodies for bad requests, and the server's lifecycle. */
class HttpProtocolTest extends RunningRegistry {

  @ParameterizedTest
  @ValueSource(strings = {"application/vnd.schemaregistry.v1+json",
      "application/vnd.schemaregistry+json", "application/json",
      "application/json; charset=utf-8"})
  void acceptsEachRegistryRequestType(String contentType) {
    Reply reply = client.send("POST", "/subjects/s/versions", schemaBody(TestSchemas.BASE),
        Map.of("Content-Type", contentType));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  @Test
  void refusesForeignRequestTypesWith415() {
    Reply reply = client.send("POST", "/subjects/s/versions", schemaBody(TestSchemas.BASE),
        Map.of("Content-Type", "text/plain"));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.errorCode()).isEqualTo(415);
    assertThat(client.get("/subjects").json().toString()).isEqualTo("[]");
  }

  @ParameterizedTest(name = "Accept: {0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, application/json"
          + " | application/vnd.schemaregistry.v1+json",
      "application/json | application/json",
      "application/vnd.schemaregistry+json | application/vnd.schemaregistry+json",
      "*/* | application/vnd.schemaregistry.v1+json",
      "application/json;q=0.9, application/vnd.schemaregistry.v1+json;q=0.1 | application/json",
  })
  void answersInTheTypeTheClientPrefers(String accept, String expected) {
    Reply reply = client.send("GET", "/subjects", null, Map.of("Accept", accept));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(expected);
  }

  @Test
  void answersV1TypeWithoutAcceptHeader() {
    Reply reply = client.send("GET", "/config", null, Map.of("Accept", ""));

    assertThat(reply.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void refusesClientsThatAcceptNoneOfTheTypesWith406() {
    Reply reply = client.send("GET", "/subjects", null, Map.of("Accept", "text/html"));

    assertThat(reply.status()).isEqualTo(406);
    assertThat(reply.errorCode()).isEqualTo(406);
  }

  @Test
  void errorsAreJsonInTheNegotiatedType() {
    Reply reply = client.send("GET", "/subjects/nobody/versions", null,
        Map.of("Accept", "application/json"));

    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().get("error_code").asInt()).isEqualTo(40401);
    assertThat(reply.json().get("message").asText()).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"schema\": ", "[1, 2]", "\"just a string\"", "{\"schema\": }", "null"})
  void malformedBodiesAre400(String body) {
    for (String path : new String[] {"/subjects/s/versions", "/subjects/s",
        "/compatibility/subjects/s/versions/latest"}) {
      Reply reply = client.post(path, body);
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.errorCode()).as(path).isEqualTo(400);
    }
    assertThat(client.put("/config", body).status()).isEqualTo(400);
  }

  @Test
  void emptyBodyIs400() {
    assertThat(client.send("POST", "/subjects/s/versions", null,
        Map.of("Content-Type", RegistryClient.V1_JSON)).status()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"schema\": 42}", "{\"schema\": true}", "{\"schema\": {\"type\": 7}}",
      "{\"schema\": \"\\\"string\\\"\", \"schemaType\": 5}",
      "{\"schema\": \"\\\"string\\\"\", \"references\": \"nope\"}",
      "{\"schema\": \"\\\"string\\\"\", \"references\": [{\"name\": \"X\"}]}",
      "{\"schema\": \"\\\"string\\\"\", \"references\": [null]}",
      "{\"schema\": \"\\\"string\\\"\", \"references\": [1, \"two\"]}",
      "{\"schema\": \"\\\"string\\\"\", \"references\": {\"name\": \"X\"}}"})
  void wrongShapesAreClientErrorsNeverServerErrors(String body) {
    Reply reply = client.post("/subjects/s/versions", body);

    assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
    assertThat(reply.errorCode()).isGreaterThanOrEqualTo(400);
  }

  @Test
  void unknownRouteIsJson404() {
    Reply reply = client.get("/no/such/thing");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void wrongMethodIsJson405() {
    Reply reply = client.send("PATCH", "/subjects", "{}", Map.of("Content-Type", "application/json"));

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.errorCode()).isEqualTo(405);
  }

  @Test
  void rootIsAnEmptyObject() {
    Reply reply = client.get("/");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("{}");
  }

  @Test
  void modeIsReadWrite() {
    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void trailingSlashesAreIgnored() {
    client.register("s", TestSchemas.BASE);

    assertThat(client.get("/subjects/").status()).isEqualTo(200);
    assertThat(client.get("/subjects/s/versions/").json().toString()).isEqualTo("[1]");
  }

  @Test
  void urlNamesTheLoopbackAddressAndPort() {
    assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    assertThat(server.port()).isPositive();
  }

  @Test
  void closeReleasesThePortAndClosesTheStore() throws IOException {
    int port = server.port();
    ClosingStore store = new ClosingStore();
    SchemaRegistryServer other = SchemaRegistryServer.start("127.0.0.1", 0, store);
    int otherPort = other.port();

    server.close();
    other.close();
    other.close();

    assertThat(store.closes).as("idempotent close closes the store once").isEqualTo(1);
    for (int freed : new int[] {port, otherPort}) {
      try (ServerSocket socket = new ServerSocket(freed, 1, InetAddress.getLoopbackAddress())) {
        assertThat(socket.getLocalPort()).isEqualTo(freed);
      }
    }
  }

  @Test
  void startingOnABusyPortFailsWithAClearMessage() {
    InMemorySchemaStore store = new InMemorySchemaStore();

    assertThatThrownBy(() -> SchemaRegistryServer.start("127.0.0.1", server.port(), store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Could not start the schema registry on 127.0.0.1:" + server.port());
  }

  @Test
  void storeFailureIs50001() {
    SchemaRegistryServer failing = SchemaRegistryServer.start("127.0.0.1", 0, new FailingStore());
    try {
      Reply reply = new RegistryClient(failing.url()).post("/subjects/s/versions",
          schemaBody(TestSchemas.BASE));

      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.errorCode()).isEqualTo(50001);
    } finally {
      failing.close();
    }
  }

  /** Counts closes. */
  private static final class ClosingStore implements SchemaStore {
    private final RegistryState state = new RegistryState();
    private int closes;

    @Override
    public <T> T update(java.util.function.Function<RegistryState, Update<T>> update) {
      Update<T> decided = update.apply(state);
      decided.changes().forEach(state::apply);
      return decided.result();
    }

    @Override
    public RegistryState state() {
      return state;
    }

    @Override
    public void close() {
      closes++;
    }
  }

  /** A store whose backend is down. */
  private static final class FailingStore implements SchemaStore {
    private final RegistryState state = new RegistryState();

    @Override
    public <T> T update(java.util.function.Function<RegistryState, Update<T>> update) {
      update.apply(state);
      throw new SchemaStoreException("broker unreachable");
    }

    @Override
    public RegistryState state() {
      return state;
    }

    @Override
    public void close() {
    }
  }
}
