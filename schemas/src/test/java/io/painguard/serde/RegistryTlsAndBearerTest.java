package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.painguard.contract.ContractTopics;
import io.painguard.events.ActivityEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent Cloud-style registry settings against a real HTTPS server: {@code
 * schema.registry.ssl.*} applied to the client (truststore, keystore for mutual TLS, endpoint
 * identification), and a static bearer token with Confluent Cloud's headers.
 */
class RegistryTlsAndBearerTest {

  private static final String SUBJECT = ContractTopics.ACTIVITY_EVENTS + "-value";

  @TempDir
  static Path dir;

  private static SelfSignedKeystore keystore;
  private FakeRegistryServer registry;

  @BeforeAll
  static void makeKeyPair() throws IOException, InterruptedException {
    keystore = SelfSignedKeystore.create(dir);
  }

  @AfterEach
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void overHttpsTheRegistryIsTrustedByTheConfiguredTruststore() throws Exception {
    // Given a registry whose certificate no public CA signed
    registry = FakeRegistryServer.https(keystore.serverContext(), false);
    Map<String, Object> config = config(registry.localhostUrl());
    trust(config);

    // When a schema is registered over HTTPS
    int id = SchemaRegistryClients.create(config).register(SUBJECT, ActivityEvent.getClassSchema());

    // Then the registry got it
    assertThat(id).isEqualTo(1);
    assertThat(registry.requests()).singleElement().satisfies(r -> assertThat(r.path())
        .isEqualTo("/subjects/" + SUBJECT + "/versions"));
  }

  @Test
  void withoutTheTruststoreTheHandshakeFailsAndTheMessageSaysWhy() throws Exception {
    registry = FakeRegistryServer.https(keystore.serverContext(), false);

    SchemaRegistryException e = catchThrowableOfType(SchemaRegistryException.class,
        () -> SchemaRegistryClients.create(config(registry.localhostUrl()))
            .register(SUBJECT, ActivityEvent.getClassSchema()));

    assertThat(e).hasMessageContaining("TLS failed (SSLHandshakeException)")
        .hasMessageContaining("unable to find valid certification path");
    assertThat(registry.requests()).isEmpty();
  }

  @Test
  void aCertificateForAnotherHostIsRefusedUnlessEndpointIdentificationIsSwitchedOff()
      throws Exception {
    // Given a certificate for "localhost", and the registry reached by its IP address
    registry = FakeRegistryServer.https(keystore.serverContext(), false);
    Map<String, Object> checking = config(registry.url());
    trust(checking);
    Map<String, Object> notChecking = new HashMap<>(checking);
    notChecking.put("schema.registry.ssl.endpoint.identification.algorithm", "");

    // When / Then Kafka's default (https) checks the host name, and "" does not
    assertThatThrownBy(() -> SchemaRegistryClients.create(checking)
        .register(SUBJECT, ActivityEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("TLS failed")
        .hasMessageContaining("127.0.0.1");
    assertThat(SchemaRegistryClients.create(notChecking)
        .register(SUBJECT, ActivityEvent.getClassSchema())).isEqualTo(1);
  }

  @Test
  void aRegistryAskingForAClientCertificateGetsTheConfiguredKeystoresOne() throws Exception {
    // Given a registry that accepts only clients with a certificate it trusts
    registry = FakeRegistryServer.https(keystore.serverContext(), true);
    Map<String, Object> withoutKey = config(registry.localhostUrl());
    trust(withoutKey);
    Map<String, Object> withKey = new HashMap<>(withoutKey);
    withKey.put("schema.registry.ssl.keystore.location", keystore.file().toString());
    withKey.put("schema.registry.ssl.keystore.password", keystore.password());
    withKey.put("schema.registry.ssl.keystore.type", "PKCS12");

    // When / Then
    assertThatThrownBy(() -> SchemaRegistryClients.create(withoutKey)
        .register(SUBJECT, ActivityEvent.getClassSchema()))
        .isInstanceOf(SchemaRegistryException.class);
    assertThat(SchemaRegistryClients.create(withKey)
        .register(SUBJECT, ActivityEvent.getClassSchema())).isEqualTo(1);
  }

  @Test
  void unusableTlsSettingsAreRefusedInOneSentenceWithoutThePassword() {
    Map<String, Object> wrongPassword = config("https://localhost:1");
    trust(wrongPassword);
    wrongPassword.put("schema.registry.ssl.truststore.password", "not-the-pw-4711");
    Map<String, Object> missing = config("https://localhost:1");
    missing.put("schema.registry.ssl.truststore.location", dir.resolve("nowhere.p12").toString());
    Map<String, Object> badType = config("https://localhost:1");
    badType.put("schema.registry.ssl.enabled.protocols", 42);

    assertThatThrownBy(() -> AvroSerdeConfig.parse(wrongPassword, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("The registry's TLS settings (schema.registry.ssl.*) cannot be used:")
        .hasMessageNotContaining("not-the-pw-4711")
        .hasMessageNotContaining(keystore.password())
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(missing, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nowhere.p12")
        .hasMessageEndingWith(".");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(badType, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.ssl.enabled.protocols");
  }

  @Test
  void aStaticBearerTokenAndConfluentCloudsHeadersGoWithEveryRequest() throws IOException {
    // Given a registry behind a URL that also carries basic credentials
    registry = new FakeRegistryServer();
    Map<String, Object> config = config(registry.url().replace("://", "://me:url-pw-1@"));
    config.put(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE, "STATIC_TOKEN");
    config.put(AvroSerdeConfig.BEARER_AUTH_TOKEN, "tok-abcdef");
    config.put(AvroSerdeConfig.BEARER_AUTH_LOGICAL_CLUSTER, "lsrc-123");
    config.put(AvroSerdeConfig.BEARER_AUTH_IDENTITY_POOL_ID, "pool-9");

    // When
    SchemaRegistryClient client = SchemaRegistryClients.create(config);
    client.register(SUBJECT, ActivityEvent.getClassSchema());

    // Then the token wins over the URL's credentials, as in Confluent's client
    FakeRegistryServer.Request request = registry.requests().get(0);
    assertThat(request.authorization()).isEqualTo("Bearer tok-abcdef");
    assertThat(request.header("target-sr-cluster")).isEqualTo("lsrc-123");
    assertThat(request.header("Confluent-Identity-Pool-Id")).isEqualTo("pool-9");
    assertThat(client.toString()).doesNotContain("tok-abcdef").doesNotContain("url-pw-1");
  }

  private static Map<String, Object> config(String url) {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    config.put(AvroSerdeConfig.MAX_RETRIES, 0);
    return config;
  }

  private static void trust(Map<String, Object> config) {
    config.put("schema.registry.ssl.truststore.location", keystore.file().toString());
    config.put("schema.registry.ssl.truststore.password", keystore.password());
    config.put("schema.registry.ssl.truststore.type", "PKCS12");
  }
}
