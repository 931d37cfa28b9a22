package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Compatibility configuration, checks on registration, and the compatibility endpoint. */
class CompatibilityApiTest extends RunningRegistry {

  /**
   * Each level against one previous version (BASE: athleteId string, level int). Transitive
   * levels behave like their plain forms when there is only one previous version.
   */
  @ParameterizedTest(name = "{0}: {1} -> compatible={2}")
  @CsvSource({
      "NONE,                ADD_FIELD_WITHOUT_DEFAULT, true",
      "NONE,                REMOVE_FIELD,              true",
      "NONE,                CHANGE_FIELD_TYPE,         true",
      "BACKWARD,            ADD_FIELD_WITH_DEFAULT,    true",
      "BACKWARD,            REMOVE_FIELD,              true",
      "BACKWARD,            ADD_FIELD_WITHOUT_DEFAULT, false",
      "BACKWARD,            CHANGE_FIELD_TYPE,         false",
      "BACKWARD_TRANSITIVE, ADD_FIELD_WITH_DEFAULT,    true",
      "BACKWARD_TRANSITIVE, ADD_FIELD_WITHOUT_DEFAULT, false",
      "FORWARD,             ADD_FIELD_WITHOUT_DEFAULT, true",
      "FORWARD,             ADD_FIELD_WITH_DEFAULT,    true",
      "FORWARD,             REMOVE_FIELD,              false",
      "FORWARD,             CHANGE_FIELD_TYPE,         false",
      "FORWARD_TRANSITIVE,  ADD_FIELD_WITHOUT_DEFAULT, true",
      "FORWARD_TRANSITIVE,  REMOVE_FIELD,              false",
      "FULL,                ADD_FIELD_WITH_DEFAULT,    true",
      "FULL,                ADD_FIELD_WITHOUT_DEFAULT, false",
      "FULL,                REMOVE_FIELD,              false",
      "FULL,                CHANGE_FIELD_TYPE,         false",
      "FULL_TRANSITIVE,     ADD_FIELD_WITH_DEFAULT,    true",
      "FULL_TRANSITIVE,     REMOVE_FIELD,              false",
  })
  void levelAcceptsOrRejectsTheChange(String level, String change, boolean compatible) {
    assertThat(client.put("/config/s", "{\"compatibility\": \"" + level + "\"}").status()).isEqualTo(200);
    client.register("s", TestSchemas.BASE);
    String candidate = TestSchemas.byName(change);

    Reply check = client.post("/compatibility/subjects/s/versions/latest", schemaBody(candidate));
    Reply registration = client.post("/subjects/s/versions", schemaBody(candidate));

    assertThat(check.status()).isEqualTo(200);
    assertThat(check.json().get("is_compatible").asBoolean()).isEqualTo(compatible);
    if (compatible) {
      assertThat(registration.status()).as(registration.body()).isEqualTo(200);
      assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1,2]");
    } else {
      assertThat(registration.status()).isEqualTo(409);
      assertThat(registration.errorCode()).as("Confluent's code since 8.1.2").isEqualTo(40901);
      assertThat(registration.json().get("message").asText()).contains("incompatible", level);
      assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1]");
    }
  }

  /**
   * Three versions where the third is compatible with the second but not with the first: the
   * plain level accepts it, the transitive one refuses it.
   */
  @ParameterizedTest(name = "{0} then {1} then {2}: {3} accepts, {4} refuses")
  @CsvSource({
      "REMOVE_FIELD, LEVEL_WITH_DEFAULT, BASE, BACKWARD, BACKWARD_TRANSITIVE",
      "BASE, LEVEL_WITH_DEFAULT, REMOVE_FIELD, FORWARD, FORWARD_TRANSITIVE",
      "BASE, LEVEL_WITH_DEFAULT, REMOVE_FIELD, FULL, FULL_TRANSITIVE",
  })
  void transitiveLevelsCheckEveryVersion(String first, String second, String third,
      String plain, String transitive) {
    for (String subject : new String[] {"plain", "transitive"}) {
      client.put("/config/" + subject, "{\"compatibility\": \"NONE\"}");
      client.register(subject, TestSchemas.byName(first));
      client.register(subject, TestSchemas.byName(second));
    }
    client.put("/config/plain", "{\"compatibility\": \"" + plain + "\"}");
    client.put("/config/transitive", "{\"compatibility\": \"" + transitive + "\"}");
    String candidate = schemaBody(TestSchemas.byName(third));

    Reply plainReply = client.post("/subjects/plain/versions", candidate);
    Reply transitiveReply = client.post("/subjects/transitive/versions", candidate);

    assertThat(plainReply.status()).as(plainReply.body()).isEqualTo(200);
    assertThat(transitiveReply.status()).isEqualTo(409);
    assertThat(transitiveReply.json().get("message").asText()).contains("version 1");
  }

  @Test
  void defaultLevelIsBackward() {
    Reply global = client.get("/config");

    assertThat(global.status()).isEqualTo(200);
    assertThat(global.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    client.register("s", TestSchemas.BASE);
    assertThat(client.post("/subjects/s/versions", schemaBody(TestSchemas.ADD_FIELD_WITHOUT_DEFAULT))
        .status()).isEqualTo(409);
  }

  @Test
  void globalLevelCanBeChangedAndReset() {
    Reply put = client.put("/config", "{\"compatibility\": \"full\"}");

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("compatibility").asText()).isEqualTo("FULL");
    assertThat(client.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(client.delete("/config").json().get("compatibilityLevel").asText()).isEqualTo("FULL");
    assertThat(client.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
  }

  @Test
  void subjectLevelOverridesGlobalUntilDeleted() {
    client.put("/config", "{\"compatibility\": \"NONE\"}");
    Reply put = client.put("/config/s", "{\"compatibility\": \"FORWARD\"}");

    assertThat(put.json().get("compatibility").asText()).isEqualTo("FORWARD");
    assertThat(client.get("/config/s").json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
    client.register("s", TestSchemas.BASE);
    assertThat(client.post("/subjects/s/versions", schemaBody(TestSchemas.REMOVE_FIELD)).status())
        .isEqualTo(409);

    Reply removed = client.delete("/config/s");

    assertThat(removed.json().get("compatibilityLevel").asText()).isEqualTo("FORWARD");
    assertThat(client.post("/subjects/s/versions", schemaBody(TestSchemas.REMOVE_FIELD)).status())
        .isEqualTo(200);
  }

  @Test
  void subjectWithoutItsOwnLevelIs40408UnlessDefaultToGlobal() {
    Reply plain = client.get("/config/s");
    Reply defaulted = client.get("/config/s?defaultToGlobal=true");

    assertThat(plain.status()).isEqualTo(404);
    assertThat(plain.errorCode()).isEqualTo(40408);
    assertThat(defaulted.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
  }

  @Test
  void deletingAMissingSubjectLevelIs40401() {
    Reply reply = client.delete("/config/s");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"compatibility\": \"SIDEWAYS\"}", "{\"compatibility\": null}", "{}",
      "{\"compatibility\": 3}"})
  void invalidLevelIs42203(String body) {
    Reply global = client.put("/config", body);
    Reply subject = client.put("/config/s", body);

    assertThat(global.status()).isEqualTo(422);
    assertThat(global.errorCode()).isEqualTo(42203);
    assertThat(subject.errorCode()).isEqualTo(42203);
    assertThat(client.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
  }

  @Test
  void verboseCheckSaysWhy() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/compatibility/subjects/s/versions/1?verbose=true",
        schemaBody(TestSchemas.ADD_FIELD_WITHOUT_DEFAULT));

    assertThat(reply.json().get("is_compatible").asBoolean()).isFalse();
    assertThat(reply.json().get("messages").get(0).asText())
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE", "note");
  }

  @Test
  void compatibleVerboseCheckHasNoMessages() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/compatibility/subjects/s/versions/latest?verbose=true",
        schemaBody(TestSchemas.ADD_FIELD_WITH_DEFAULT));

    assertThat(reply.json().get("is_compatible").asBoolean()).isTrue();
    assertThat(reply.json().get("messages")).isEmpty();
    assertThat(client.post("/compatibility/subjects/s/versions/latest",
        schemaBody(TestSchemas.ADD_FIELD_WITH_DEFAULT)).json().has("messages")).isFalse();
  }

  @Test
  void checkAgainstAllVersionsEndpoint() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/compatibility/subjects/s/versions",
        schemaBody(TestSchemas.CHANGE_FIELD_TYPE));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("is_compatible").asBoolean()).isFalse();
  }

  @Test
  void checkAgainstLatestOfEmptySubjectIsCompatible() {
    Reply reply = client.post("/compatibility/subjects/new/versions/latest",
        schemaBody(TestSchemas.BASE));

    assertThat(reply.json().get("is_compatible").asBoolean()).isTrue();
  }

  @Test
  void checkAgainstMissingVersionsIs404() {
    client.register("s", TestSchemas.BASE);

    assertThat(client.post("/compatibility/subjects/s/versions/5", schemaBody(TestSchemas.BASE))
        .errorCode()).isEqualTo(40402);
    assertThat(client.post("/compatibility/subjects/other/versions/1", schemaBody(TestSchemas.BASE))
        .errorCode()).isEqualTo(40401);
    assertThat(client.post("/compatibility/subjects/s/versions/x", schemaBody(TestSchemas.BASE))
        .errorCode()).isEqualTo(42202);
    assertThat(client.post("/compatibility/subjects/s/versions/1", schemaBody("{"))
        .errorCode()).isEqualTo(42201);
  }
}
