package io.painguard.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @AfterEach
  void forget() {
    KnownSecrets.forgetAll();
  }

  @Test
  void aUrlLosesItsUserInfoAndSecretQueryValues() {
    assertThat(Redaction.url("https://user:pa55word@registry:8081/base?access_token=t0k3n&x=1"))
        .isEqualTo("https://registry:8081/base?access_token=[hidden]&x=1");
    assertThat(Redaction.url("http://me:a/b@c@registry:8081")).isEqualTo("http://registry:8081");
    assertThat(Redaction.url("http://registry:8081/?password=p&token=q&apiKey=r"))
        .isEqualTo("http://registry:8081/?password=[hidden]&token=[hidden]&apiKey=[hidden]");
    assertThat(Redaction.url("http://localhost:8081")).isEqualTo("http://localhost:8081");
  }

  @Test
  void freeTextLosesCredentialShapedParts() {
    String line = "Starting with {kafka.bootstrap.servers=localhost:9092, "
        + "schema.registry.url=https://u:s3cr3t-pw@reg:8081,http://other:8081/?access_token=abc123, "
        + "painguard.http.port=8080}";
    assertThat(Redaction.text(line))
        .isEqualTo("Starting with {kafka.bootstrap.servers=localhost:9092, "
            + "schema.registry.url=https://reg:8081,http://other:8081/?access_token=[hidden], "
            + "painguard.http.port=8080}");
    assertThat(Redaction.text("ScramLoginModule required username=\"pg\" password=\"jaas-secret\";"))
        .isEqualTo("ScramLoginModule required username=\"pg\" password=\"[hidden]\";");
    assertThat(Redaction.text("GET /api/alerts/stream?access_token=tok-123 HTTP/1.1"))
        .isEqualTo("GET /api/alerts/stream?access_token=[hidden] HTTP/1.1");
    assertThat(Redaction.text("header Authorization: Bearer abc.def-ghi sent"))
        .isEqualTo("header Authorization: Bearer [hidden] sent");
    assertThat(Redaction.text("client{client_secret=\"xyz\",} 1.0"))
        .as("quotes are kept, so a Prometheus label stays well-formed")
        .isEqualTo("client{client_secret=\"[hidden]\",} 1.0");
  }

  @Test
  void kafkasOwnDumpsKeepTheirShape() {
    assertThat(Redaction.text("\tsasl.jaas.config = [hidden]")).isEqualTo("\tsasl.jaas.config = [hidden]");
    assertThat(Redaction.text("\tssl.truststore.password = null")).isEqualTo("\tssl.truststore.password = null");
    assertThat(Redaction.text("\tkey.serializer = class org.apache.kafka.common.serialization.StringSerializer"))
        .isEqualTo("\tkey.serializer = class org.apache.kafka.common.serialization.StringSerializer");
    assertThat(Redaction.text("Kafka Streams REBALANCING -> RUNNING")).isEqualTo("Kafka Streams REBALANCING -> RUNNING");
  }

  @Test
  void rememberedValuesAreHiddenWhateverSurroundsThem() {
    KnownSecrets.rememberSettings(Map.of(
        "basic.auth.user.info", "painguard:reg-Pa55",
        "kafka.sasl.jaas.config", "ScramLoginModule required username=\"u\" password=\"jaas-Pa55\";",
        "schema.registry.url", "https://usr:url-Pa55@reg:8081/?token=tok-Pa55",
        "kafka.ssl.keystore.type", "PKCS12",
        "kafka.bootstrap.servers", "localhost:9092"));

    assertThat(Redaction.text("failed: bad credentials reg-Pa55 / jaas-Pa55 / url-Pa55 / tok-Pa55 (usr)"))
        .isEqualTo("failed: bad credentials [hidden] / [hidden] / [hidden] / [hidden] (usr)");
    assertThat(Redaction.text("basic auth painguard:reg-Pa55")).isEqualTo("basic auth [hidden]");
    assertThat(Redaction.text("store type PKCS12 at localhost:9092"))
        .as("only credentials are searched for, not every value of a key with 'key' in its name")
        .isEqualTo("store type PKCS12 at localhost:9092");
  }

  @Test
  void shortValuesAreNotSearchedForButLongerOnesContainingThemAre() {
    KnownSecrets.remember("abc");
    KnownSecrets.remember("abcdef-long");
    KnownSecrets.remember("abcdef");

    assertThat(Redaction.text("abc abcdef abcdef-long")).isEqualTo("abc [hidden] [hidden]");
  }

  @Test
  void secretKeysAreTheCredentialsNotTheClassNames() {
    assertThat(Redaction.isSecretKey("kafka.sasl.jaas.config")).isTrue();
    assertThat(Redaction.isSecretKey("basic.auth.user.info")).isTrue();
    assertThat(Redaction.isSecretKey("painguard.http.tokens")).isTrue();
    assertThat(Redaction.isSecretKey("kafka.ssl.key.password")).isTrue();
    assertThat(Redaction.isSecretKey("kafka.default.key.serde")).isFalse();
    assertThat(Redaction.isSecretKey("key.serializer")).isFalse();
    assertThat(Redaction.isSecretKey("schema.registry.url")).isFalse();
  }
}
