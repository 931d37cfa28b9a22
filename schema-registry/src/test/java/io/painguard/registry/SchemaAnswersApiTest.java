package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.painguard.registry.RegistryClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bodies Confluent 8's registry answers with, field for field, and the registration options
 * that shape them (normalize, an omitted schema, explicit versions).
 */
class SchemaAnswersApiTest extends RunningRegistry {

  @Test
  void registrationAnswersIdVersionGuidTypeAndSchema() {
    // When a schema is registered, then registered again
    Reply first = client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE));
    Reply again = client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE_REFORMATTED));

    // Then both answer Confluent's RegisterSchemaResponse, and the same one
    assertThat(first.status()).isEqualTo(200);
    assertThat(fieldNames(first.json())).containsExactly("id", "version", "guid", "schemaType", "schema");
    assertThat(first.json().get("version").asInt()).isEqualTo(1);
    assertThat(first.json().get("schemaType").asText()).isEqualTo("AVRO");
    assertThat(first.json().get("schema").asText())
        .isEqualTo(client.get("/subjects/s/versions/1").json().get("schema").asText());
    assertThat(again.json()).isEqualTo(first.json());
  }

  @Test
  void lookupAnswersTheVersionFoundWithoutItsStoredState() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/subjects/s", schemaBody(TestSchemas.BASE));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(fieldNames(reply.json()))
        .containsExactly("subject", "version", "id", "guid", "schemaType", "schema");
  }

  @Test
  void aVersionAnswersItsStoredStateToo() {
    // Given two versions, the first soft-deleted
    client.register("s", TestSchemas.BASE);
    client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);
    client.delete("/subjects/s/versions/1");

    // When each is read
    JsonNode live = client.get("/subjects/s/versions/2").json();
    JsonNode deleted = client.get("/subjects/s/versions/1?deleted=true").json();

    // Then each names when it was written and whether it is deleted
    assertThat(fieldNames(live))
        .containsExactly("subject", "version", "id", "guid", "schemaType", "schema", "ts", "deleted");
    assertThat(live.get("deleted").asBoolean()).isFalse();
    assertThat(live.get("ts").asLong()).isPositive();
    assertThat(deleted.get("deleted").asBoolean()).isTrue();
    assertThat(client.get("/subjects/s/versions/latest?deleted=true").json().get("version").asInt())
        .as("latest is the newest live version").isEqualTo(2);
  }

  @Test
  void aSchemaByIdAnswersItsSubjectOnlyWhenOneIsNamed() {
    // Given a schema in two subjects
    int id = client.register("a-value", TestSchemas.BASE);
    client.register("b-value", TestSchemas.BASE);

    // When it is read by id, plainly, for one subject, and for a subject that does not hold it
    JsonNode plain = client.get("/schemas/ids/" + id).json();
    JsonNode forB = client.get("/schemas/ids/" + id + "?subject=b-value").json();
    Reply elsewhere = client.get("/schemas/ids/" + id + "?subject=nobody");
    JsonNode emptySubject = client.get("/schemas/ids/" + id + "?subject=").json();

    // Then Confluent's SchemaString: subject and version only when asked, 40403 elsewhere
    assertThat(fieldNames(plain)).containsExactly("guid", "schemaType", "schema", "ts", "deleted");
    assertThat(fieldNames(forB))
        .containsExactly("subject", "version", "guid", "schemaType", "schema", "ts", "deleted");
    assertThat(forB.get("subject").asText()).isEqualTo("b-value");
    assertThat(elsewhere.errorCode()).isEqualTo(40403);
    assertThat(emptySubject).as("an empty subject names none").isEqualTo(plain);
  }

  @Test
  void normalizeStoresConfluentsNormalizedForm() {
    // Given a schema whose custom properties and aliases are out of name order, and whose
    // double field has an integer default
    String schema = "{\"type\": \"record\", \"name\": \"Effort\", \"namespace\": \"io.painguard.test\","
        + " \"doc\": \"\", \"aliases\": [\"Zed\", \"Alpha\"], \"x-team\": \"rehab\", \"x-owner\": \"coach\","
        + " \"fields\": [{\"name\": \"load\", \"type\": \"double\", \"default\": 1}]}";
    String body = schemaBody(schema);

    // When it is registered with normalize=true, and looked up with and without it
    Reply registered = client.post("/subjects/s/versions?normalize=true", body);
    Reply lookedUp = client.post("/subjects/s?normalize=true", body);

    // Then the stored text is the normalized one: properties and aliases in name order, the
    // default as Avro reads it, no empty record doc
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(registered.json().get("schema").asText()).isEqualTo("{\"type\":\"record\",\"name\":\"Effort\","
        + "\"namespace\":\"io.painguard.test\",\"fields\":[{\"name\":\"load\",\"type\":\"double\","
        + "\"default\":1.0}],\"x-owner\":\"coach\",\"x-team\":\"rehab\",\"aliases\":[\"Alpha\",\"Zed\"]}");
    assertThat(registered.json().get("guid").asText())
        .isEqualTo(SchemaGuid.of(registered.json().get("schema").asText(), List.of()));
    assertThat(lookedUp.json().get("id").asInt()).isEqualTo(registered.json().get("id").asInt());
  }

  @Test
  void aRegistrationWithoutASchemaReRegistersTheLatestOne() {
    int id = client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/subjects/s/versions", "{\"schemaType\": \"AVRO\"}");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asInt()).isEqualTo(id);
    assertThat(reply.json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void reRegisteringAfterASoftDeleteDropsTheDeletedVersionWithTheSameId() {
    // Given a schema soft-deleted from its subject
    int id = client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s");

    // When it is registered again
    Reply reply = client.post("/subjects/s/versions", schemaBody(TestSchemas.BASE));

    // Then it keeps its id under a new version, and the deleted version went for good
    assertThat(reply.json().get("id").asInt()).isEqualTo(id);
    assertThat(reply.json().get("version").asInt()).isEqualTo(2);
    assertThat(client.get("/subjects/s/versions?deleted=true").json().toString()).isEqualTo("[2]");
  }

  @Test
  void anExplicitVersionMustBeTheNextOne() {
    client.register("s", TestSchemas.BASE);

    Reply wrong = client.post("/subjects/s/versions", "{\"version\": 5, \"schema\": "
        + RegistryClient.MAPPER.createObjectNode().textNode(TestSchemas.ADD_FIELD_WITH_DEFAULT) + "}");
    Reply next = client.post("/subjects/s/versions", "{\"version\": 2, \"schema\": "
        + RegistryClient.MAPPER.createObjectNode().textNode(TestSchemas.ADD_FIELD_WITH_DEFAULT) + "}");

    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.errorCode()).isEqualTo(42201);
    assertThat(wrong.json().get("message").asText()).isEqualTo("Version is not one more than previous version");
    assertThat(next.status()).isEqualTo(200);
    assertThat(next.json().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void metadataAndRuleSetsAreRefusedRatherThanDropped() {
    Reply reply = client.post("/subjects/s/versions", "{\"schema\": \"\\\"string\\\"\","
        + " \"metadata\": {\"properties\": {\"owner\": \"coach\"}}}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(client.get("/subjects").json().toString()).isEqualTo("[]");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
