package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.registry.RegistryClient.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP basic auth on the registry, as Confluent's registry answers it: writes need credentials,
 * reads too when configured so; a missing or wrong password gets 401 with Confluent's error body;
 * the header Confluent's clients send with {@code basic.auth.user.info=user:password} is accepted.
 */
class RegistryAuthApiTest {

  private static final String USER = "registry-admin";
  private static final String PASSWORD = "Pa55-w0rd-7f3a";
  private static final String SUBJECT = "pain-reports-value";

  private SchemaRegistryServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyWriteWithoutCredentialsOrWithAWrongPasswordIs401InConfluentsShape() {
    start(true);
    RegistryClient anonymous = new RegistryClient(server.url());
    Map<String, String> wrong = basic(USER, "not-" + PASSWORD);

    List<Reply> refused = List.of(
        anonymous.post("/subjects/" + SUBJECT + "/versions", RegistryClient.schemaBody(TestSchemas.BASE)),
        anonymous.post("/subjects/" + SUBJECT, RegistryClient.schemaBody(TestSchemas.BASE)),
        anonymous.put("/config", "{\"compatibility\":\"NONE\"}"),
        anonymous.put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}"),
        anonymous.delete("/subjects/" + SUBJECT),
        anonymous.delete("/subjects/" + SUBJECT + "/versions/1"),
        anonymous.delete("/config"),
        anonymous.put("/mode/" + SUBJECT, "{\"mode\":\"READONLY\"}"),
        anonymous.delete("/mode"),
        anonymous.send("POST", "/subjects/" + SUBJECT + "/versions", RegistryClient.schemaBody(TestSchemas.BASE),
            with(wrong, "Content-Type", RegistryClient.V1_JSON)),
        anonymous.send("DELETE", "/subjects/" + SUBJECT, null, wrong),
        anonymous.send("PUT", "/config", "{\"compatibility\":\"NONE\"}", basic(USER + "x", PASSWORD)));

    assertThat(refused).allSatisfy(reply -> {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.json().get("error_code").asInt()).isEqualTo(401);
      assertThat(reply.json().get("message").asText()).isEqualTo("Unauthorized");
      assertThat(reply.body()).doesNotContain(PASSWORD);
    });
    // And nothing was written
    assertThat(anonymous.get("/subjects").json()).isEmpty();
    assertThat(anonymous.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    assertThat(anonymous.get("/mode/" + SUBJECT).errorCode()).isEqualTo(40409);
  }

  @Test
  void theChallengeNamesBasicAuth() throws Exception {
    start(true);

    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url() + "/config"))
            .header("Content-Type", RegistryClient.V1_JSON)
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"NONE\"}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"SchemaRegistry\"");
  }

  @Test
  void theHeaderConfluentsClientsSendWithUserInfoMayWriteAndReadsStayOpenWhenConfiguredSo() {
    start(true);
    RegistryClient anonymous = new RegistryClient(server.url());

    // What Confluent's RestService sends for basic.auth.credentials.source=USER_INFO: preemptive
    // "Authorization: Basic base64(user:password)" on every request
    Reply registered = anonymous.send("POST", "/subjects/" + SUBJECT + "/versions",
        RegistryClient.schemaBody(TestSchemas.BASE), with(basic(USER, PASSWORD), "Content-Type", RegistryClient.V1_JSON));
    Reply configured = anonymous.send("PUT", "/config/" + SUBJECT, "{\"compatibility\":\"FULL\"}",
        with(basic(USER, PASSWORD), "Content-Type", RegistryClient.V1_JSON));

    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(configured.status()).as(configured.body()).isEqualTo(200);
    int id = registered.json().get("id").asInt();
    assertThat(anonymous.get("/schemas/ids/" + id).status()).isEqualTo(200);
    assertThat(anonymous.get("/subjects/" + SUBJECT + "/versions/latest").json().get("id").asInt()).isEqualTo(id);
    assertThat(anonymous.get("/config/" + SUBJECT).json().get("compatibilityLevel").asText()).isEqualTo("FULL");
  }

  @Test
  void withReadsClosedEveryRequestNeedsTheCredentials() {
    start(false);
    RegistryClient anonymous = new RegistryClient(server.url());

    for (String path : List.of("/", "/subjects", "/schemas/ids/1", "/config", "/schemas/types")) {
      Reply reply = anonymous.get(path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.errorCode()).isEqualTo(401);
    }
    assertThat(anonymous.send("GET", "/subjects", null, basic(USER, PASSWORD)).status()).isEqualTo(200);
  }

  @Test
  void withoutAuthNothingChanges() {
    server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());

    assertThat(new RegistryClient(server.url()).register(SUBJECT, TestSchemas.BASE)).isPositive();
    assertThat(RegistryAuth.none().enabled()).isFalse();
  }

  @Test
  void unusableCredentialsAreRefusedInOneSentenceThatNeverShowsThePassword() {
    assertThatThrownBy(() -> RegistryAuth.basic("a:b", PASSWORD, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(".")
        .hasMessageNotContaining(PASSWORD);
    assertThatThrownBy(() -> RegistryAuth.basic("", PASSWORD, true)).hasMessageContaining("user");
    assertThatThrownBy(() -> RegistryAuth.basic(USER, "", true)).hasMessage("The registry password must not be empty.");
    assertThat(RegistryAuth.basic(USER, PASSWORD, true).toString())
        .isEqualTo("HTTP basic auth for writes")
        .doesNotContain(PASSWORD);
  }

  private void start(boolean readsOpen) {
    server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(),
        RegistryAuth.basic(USER, PASSWORD, readsOpen));
  }

  private static Map<String, String> basic(String user, String password) {
    return Map.of("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> with(Map<String, String> headers, String name, String value) {
    java.util.Map<String, String> all = new java.util.HashMap<>(headers);
    all.put(name, value);
    return all;
  }
}
