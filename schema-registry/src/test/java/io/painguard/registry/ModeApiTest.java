package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Confluent's modes: reading and setting them, and what each lets a client write. */
class ModeApiTest extends RunningRegistry {

  @Test
  void theGlobalModeIsReadWriteUntilSet() {
    Reply global = client.get("/mode");

    assertThat(global.status()).isEqualTo(200);
    assertThat(global.json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
  }

  @Test
  void aSubjectWithoutItsOwnModeIs40409UnlessDefaultToGlobal() {
    // Given a global mode and a subject without one
    client.put("/mode", "{\"mode\": \"READONLY\"}");

    // When the subject's mode is read, plainly and with defaultToGlobal
    Reply own = client.get("/mode/s");
    Reply inScope = client.get("/mode/s?defaultToGlobal=true");

    // Then it has none of its own, and the global one is the one in scope
    assertThat(own.status()).isEqualTo(404);
    assertThat(own.errorCode()).isEqualTo(40409);
    assertThat(own.json().get("message").asText())
        .isEqualTo("Subject 's' does not have subject-level mode configured");
    assertThat(inScope.json().get("mode").asText()).isEqualTo("READONLY");
  }

  @Test
  void settingAModeEchoesTheRequestAndIsReadBack() {
    // When a subject's mode is set, in lower case as a client may send it
    Reply set = client.put("/mode/s", "{\"mode\": \"readonly\"}");

    // Then the request is echoed as sent and the mode reads back in Confluent's spelling
    assertThat(set.status()).isEqualTo(200);
    assertThat(set.json().toString()).isEqualTo("{\"mode\":\"readonly\"}");
    assertThat(client.get("/mode/s").json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"READONLY", "READONLY_OVERRIDE"})
  void aReadOnlySubjectRefusesNewSchemasDeletesAndConfigWith42205(String mode) {
    // Given a subject with a version, then made read-only
    int id = client.register("s", TestSchemas.BASE);
    client.put("/mode/s", "{\"mode\": \"" + mode + "\"}");

    // When a client registers a new schema, deletes, or changes the subject's level
    Reply register = client.post("/subjects/s/versions", schemaBody(TestSchemas.ADD_FIELD_WITH_DEFAULT));
    Reply deleteVersion = client.delete("/subjects/s/versions/1");
    Reply deleteSubject = client.delete("/subjects/s");
    Reply config = client.put("/config/s", "{\"compatibility\": \"NONE\"}");

    // Then each is refused with Confluent's 42205 and wording, and nothing changed
    for (Reply refused : new Reply[] {register, deleteVersion, deleteSubject, config}) {
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo(42205);
      assertThat(refused.json().get("message").asText())
          .isEqualTo("Subject s in context  is in read-only mode");
    }
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1]");
    assertThat(client.get("/config/s").errorCode()).isEqualTo(40408);

    // And a schema the subject already holds is still answered with its id, as in Confluent
    Reply again = client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asInt()).isEqualTo(id);
  }

  @Test
  void aGlobalReadOnlyModeCoversEverySubjectWithoutItsOwn() {
    // Given a read-only registry and one subject that is explicitly read-write
    client.put("/mode", "{\"mode\": \"READONLY\"}");
    client.put("/mode/open", "{\"mode\": \"READWRITE\"}");

    // When schemas are registered in both
    Reply covered = client.post("/subjects/other/versions", schemaBody(TestSchemas.BASE));
    Reply open = client.post("/subjects/open/versions", schemaBody(TestSchemas.BASE));

    // Then the subject's own mode wins over the global one, as in Confluent
    assertThat(covered.errorCode()).isEqualTo(42205);
    assertThat(open.status()).isEqualTo(200);
    assertThat(client.put("/config", "{\"compatibility\": \"NONE\"}").errorCode())
        .as("the global level is a write too").isEqualTo(42205);
  }

  @Test
  void theGlobalContextsModeIsTheLastFallback() {
    // Given only Confluent's global context is read-only
    client.put("/mode/:.__GLOBAL:", "{\"mode\": \"READONLY\"}");

    // Then a subject without a mode of its own, under a global mode that is not set, follows it
    assertThat(client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE)).errorCode()).isEqualTo(42205);
    assertThat(client.get("/mode/s?defaultToGlobal=true").json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void deletingASubjectsModeAnswersTheOldOneAndRestoresWrites() {
    // Given a read-only subject
    client.put("/mode/s", "{\"mode\": \"READONLY\"}");

    // When its mode is deleted
    Reply deleted = client.delete("/mode/s");

    // Then the old mode is answered and the subject takes writes again
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString()).isEqualTo("{\"mode\":\"READONLY\"}");
    assertThat(client.get("/mode/s").errorCode()).isEqualTo(40409);
    assertThat(client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE)).status()).isEqualTo(200);
  }

  @Test
  void deletingAModeThatIsNotSetIs40401UnlessRecursive() {
    Reply plain = client.delete("/mode/s");
    Reply recursive = client.delete("/mode/s?recursive=true");

    assertThat(plain.status()).isEqualTo(404);
    assertThat(plain.errorCode()).isEqualTo(40401);
    assertThat(plain.json().get("message").asText()).isEqualTo("Subject 's' not found.");
    assertThat(recursive.status()).isEqualTo(200);
    assertThat(recursive.json().toString()).isEqualTo("{}");
  }

  @Test
  void deletingTheGlobalModeRecursivelyAlsoRemovesEverySubjectsMode() {
    // Given a global mode and two subjects' modes
    client.put("/mode", "{\"mode\": \"READONLY\"}");
    client.put("/mode/a", "{\"mode\": \"READONLY\"}");
    client.put("/mode/b", "{\"mode\": \"READWRITE\"}");

    // When the global mode is deleted, first plainly, then recursively
    Reply plain = client.delete("/mode");
    Reply recursive = client.delete("/mode?recursive=true");

    // Then the first removes only the global mode, the second also the subjects' ones
    assertThat(plain.json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(recursive.json().get("mode").asText()).as("the default that was in force").isEqualTo("READWRITE");
    assertThat(client.get("/mode/a").errorCode()).isEqualTo(40409);
    assertThat(client.get("/mode/b").errorCode()).isEqualTo(40409);
    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("READWRITE");
  }

  @Test
  void theDefaultContextsNameMeansTheGlobalMode() {
    client.put("/mode/:.:", "{\"mode\": \"READONLY\"}");

    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("READONLY");
    assertThat(client.get("/mode/:.:").json().get("mode").asText()).isEqualTo("READONLY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"mode\": \"WRITEONLY\"}", "{\"mode\": 3}", "{\"other\": \"READONLY\"}"})
  void anUnknownModeIs42204(String body) {
    Reply reply = client.put("/mode/s", body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42204);
    assertThat(client.get("/mode/s").errorCode()).as("nothing was set").isEqualTo(40409);
  }

  @Test
  void forwardIsAllowedOnlyOnTheGlobalContext() {
    Reply onSubject = client.put("/mode/s", "{\"mode\": \"FORWARD\"}");
    Reply onGlobalContext = client.put("/mode/:.__GLOBAL:", "{\"mode\": \"FORWARD\"}");

    assertThat(onSubject.errorCode()).isEqualTo(42204);
    assertThat(onSubject.json().get("message").asText()).isEqualTo("Forward mode only supported on global level");
    assertThat(onGlobalContext.status()).isEqualTo(200);
  }

  @Test
  void aNullModeRemovesTheMode() {
    client.put("/mode/s", "{\"mode\": \"READONLY\"}");

    Reply reply = client.put("/mode/s", "{\"mode\": null}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(client.get("/mode/s").errorCode()).isEqualTo(40409);
  }

  @Test
  void importNeedsAnEmptyScopeUnlessForced() {
    // Given a live subject
    client.register("s", TestSchemas.BASE);

    // When the registry is switched to IMPORT, then forced
    Reply refused = client.put("/mode", "{\"mode\": \"IMPORT\"}");
    Reply forced = client.put("/mode?force=true", "{\"mode\": \"IMPORT\"}");

    // Then the plain switch is refused as Confluent refuses it, the forced one is made
    assertThat(refused.errorCode()).isEqualTo(42205);
    assertThat(refused.json().get("message").asText()).isEqualTo("Cannot import since found existing subjects");
    assertThat(forced.status()).isEqualTo(200);
    assertThat(client.get("/mode").json().get("mode").asText()).isEqualTo("IMPORT");
  }

  @Test
  void switchingToImportRemovesSoftDeletedLeftoversForGood() {
    // Given a subject whose only version is soft-deleted
    client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s");

    // When the subject is switched to IMPORT
    Reply reply = client.put("/mode/s", "{\"mode\": \"IMPORT\"}");

    // Then the leftover version is gone, so an import cannot collide with it
    assertThat(reply.status()).isEqualTo(200);
    assertThat(client.get("/subjects/s/versions?deleted=true").errorCode()).isEqualTo(40401);
  }

  @Test
  void importModeTakesSchemasWithTheirOwnIdAndVersionOnly() {
    // Given a subject in IMPORT mode
    client.put("/mode/s", "{\"mode\": \"IMPORT\"}");

    // When schemas are registered without an id, and with id 42 as version 7
    Reply withoutId = client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE));
    Reply imported = client.post("/subjects/s/versions", "{\"id\": 42, \"version\": 7, \"schema\": "
        + RegistryClient.MAPPER.createObjectNode().textNode(TestSchemas.BASE) + "}");

    // Then only the import is taken, with its id and version and no compatibility check
    assertThat(withoutId.errorCode()).isEqualTo(42205);
    assertThat(withoutId.json().get("message").asText()).isEqualTo("Subject s in context  is not in read-write mode");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("id").asInt()).isEqualTo(42);
    assertThat(imported.json().get("version").asInt()).isEqualTo(7);
    assertThat(client.get("/schemas/ids/42").status()).isEqualTo(200);

    // And once back in READWRITE, new schemas continue after the imported id
    client.delete("/mode/s");
    assertThat(client.register("t", TestSchemas.OTHER_RECORD)).isEqualTo(43);
  }

  @Test
  void anImportedIdThatHoldsAnotherSchemaIsRefused() {
    int taken = client.register("other", TestSchemas.OTHER_RECORD);
    client.put("/mode/s", "{\"mode\": \"IMPORT\"}");

    Reply reply = client.post("/subjects/s/versions", "{\"id\": " + taken + ", \"schema\": "
        + RegistryClient.MAPPER.createObjectNode().textNode(TestSchemas.BASE) + "}");

    assertThat(reply.errorCode()).isEqualTo(42205);
    assertThat(reply.json().get("message").asText())
        .isEqualTo("Overwrite new schema with id " + taken + " in context  is not permitted.");
  }

  @Test
  void aRegistrationWithAnIdOutsideImportModeIs42205() {
    Reply reply = client.post("/subjects/s/versions", "{\"id\": 5, \"schema\": \"\\\"string\\\"\"}");

    assertThat(reply.errorCode()).isEqualTo(42205);
    assertThat(reply.json().get("message").asText()).isEqualTo("Subject s in context  is not in import mode");
  }

  @Test
  void aSubjectDeletedForGoodTakesItsModeWithIt() {
    // Given a subject with its own (writable) mode, soft-deleted
    client.register("s", TestSchemas.BASE);
    client.put("/mode/s", "{\"mode\": \"READWRITE\"}");
    client.delete("/subjects/s");

    // When it is deleted for good
    client.delete("/subjects/s?permanent=true");

    // Then its mode went with it
    assertThat(client.get("/mode/s").errorCode()).isEqualTo(40409);
  }
}
