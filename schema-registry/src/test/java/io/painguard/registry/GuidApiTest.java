package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.painguard.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

/** Schema GUIDs: derived as Confluent 8 derives them, and looked up by the GUID endpoints. */
class GuidApiTest extends RunningRegistry {

  /** MD5 of BASE as stored (Avro's form), computed outside Java; see SchemaGuidTest. */
  private static final String BASE_GUID = "cebf05ce-eccc-553a-2349-03cb858fa067";

  @Test
  void registrationAnswersTheGuidConfluentDerivesFromTheStoredText() {
    // When BASE is registered
    Reply reply = client.post("/subjects/s/versions", RegistryClient.schemaBody(TestSchemas.BASE));

    // Then the answer names the GUID of the stored text, the same a Confluent registry derives
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("guid").asText()).isEqualTo(BASE_GUID);
  }

  @Test
  void theSameSchemaHasOneGuidInEverySubjectAndEveryAnswer() {
    // Given BASE in two subjects, one of them registered reformatted
    int id = client.register("a-value", TestSchemas.BASE);
    client.register("b-value", TestSchemas.BASE_REFORMATTED);

    // Then every answer about it names the same GUID
    assertThat(client.get("/schemas/ids/" + id).json().get("guid").asText()).isEqualTo(BASE_GUID);
    assertThat(client.get("/subjects/a-value/versions/1").json().get("guid").asText()).isEqualTo(BASE_GUID);
    assertThat(client.get("/subjects/b-value/versions/1").json().get("guid").asText()).isEqualTo(BASE_GUID);
    assertThat(client.post("/subjects/b-value", RegistryClient.schemaBody(TestSchemas.BASE)).json()
        .get("guid").asText()).isEqualTo(BASE_GUID);
  }

  @Test
  void schemaByGuidAnswersWhatTheIdEndpointAnswers() {
    // Given a registered schema
    int id = client.register("s", TestSchemas.BASE);

    // When it is read by GUID and by id
    Reply byGuid = client.get("/schemas/guids/" + BASE_GUID);
    Reply byId = client.get("/schemas/ids/" + id);

    // Then both answers are the same body: guid, schemaType, schema, ts, deleted
    assertThat(byGuid.status()).isEqualTo(200);
    assertThat(byGuid.json()).isEqualTo(byId.json());
    JsonNode body = byGuid.json();
    assertThat(body.get("guid").asText()).isEqualTo(BASE_GUID);
    assertThat(body.get("schemaType").asText()).isEqualTo("AVRO");
    assertThat(body.get("schema").asText()).contains("PainReport");
    assertThat(body.has("subject")).as("no subject unless asked for").isFalse();
  }

  @Test
  void aGuidWrittenAsHexDigitsFindsTheSameSchema() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.get("/schemas/guids/" + BASE_GUID.replace("-", ""));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("guid").asText()).isEqualTo(BASE_GUID);
  }

  @Test
  void idsOfAGuidAreListedWithTheirContext() {
    // Given a schema registered in two subjects
    int id = client.register("a-value", TestSchemas.BASE);
    client.register("b-value", TestSchemas.BASE);

    // When its ids are asked for by GUID
    Reply reply = client.get("/schemas/guids/" + BASE_GUID + "/ids");

    // Then the one id is listed in the default context, as Confluent's ContextId
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("[{\"context\":\".\",\"id\":" + id + "}]");
  }

  @Test
  void anUnknownGuidIs40403AndHasNoIds() {
    client.register("s", TestSchemas.BASE);
    String unknown = "00000000-0000-0000-0000-000000000000";

    Reply schema = client.get("/schemas/guids/" + unknown);
    Reply ids = client.get("/schemas/guids/" + unknown + "/ids");
    Reply malformed = client.get("/schemas/guids/not-a-guid");

    assertThat(schema.status()).isEqualTo(404);
    assertThat(schema.errorCode()).isEqualTo(40403);
    assertThat(schema.json().get("message").asText()).isEqualTo("Schema " + unknown + " not found");
    assertThat(ids.status()).as("Confluent answers an empty list").isEqualTo(200);
    assertThat(ids.json().toString()).isEqualTo("[]");
    assertThat(malformed.errorCode()).isEqualTo(40403);
  }

  @Test
  void aSoftDeletedSchemaKeepsItsGuidAPermanentlyDeletedOneLosesIt() {
    // Given a schema that is soft-deleted
    client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s");

    // Then its GUID still resolves, since data written with it exists
    assertThat(client.get("/schemas/guids/" + BASE_GUID).status()).isEqualTo(200);

    // When it is deleted for good
    client.delete("/subjects/s?permanent=true");

    // Then its GUID no longer resolves
    assertThat(client.get("/schemas/guids/" + BASE_GUID).errorCode()).isEqualTo(40403);
  }

  @Test
  void referencesArePartOfTheGuid() {
    // Given an array of a referenced enum
    client.register("limb", "{\"type\": \"enum\", \"name\": \"Limb\", \"namespace\": \"io.painguard.test\","
        + " \"symbols\": [\"UNKNOWN\"]}");
    String body = "{\"schema\": \"{\\\"type\\\": \\\"array\\\", \\\"items\\\": \\\"io.painguard.test.Limb\\\"}\","
        + " \"references\": [{\"name\": \"io.painguard.test.Limb\", \"subject\": \"limb\", \"version\": 1}]}";

    // When it is registered
    Reply reply = client.post("/subjects/limbs/versions", body);

    // Then its GUID hashes the text and the reference (value computed outside Java)
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("guid").asText()).isEqualTo("3cf4acc5-afe4-71ae-3b59-e77d44ea7305");
    assertThat(reply.json().get("references").get(0).get("subject").asText()).isEqualTo("limb");
  }
}
