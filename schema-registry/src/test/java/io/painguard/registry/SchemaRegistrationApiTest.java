package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.painguard.registry.RegistryClient.Reply;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Registering, de-duplicating and reading schemas. */
class SchemaRegistrationApiTest extends RunningRegistry {

  @Test
  void registersAndReadsBackBySubjectVersionAndId() {
    int id = client.register("pain-reports-value", TestSchemas.BASE);

    Reply byVersion = client.get("/subjects/pain-reports-value/versions/1");
    assertThat(byVersion.status()).isEqualTo(200);
    JsonNode body = byVersion.json();
    assertThat(body.get("subject").asText()).isEqualTo("pain-reports-value");
    assertThat(body.get("version").asInt()).isEqualTo(1);
    assertThat(body.get("id").asInt()).isEqualTo(id);
    assertThat(new Schema.Parser().parse(body.get("schema").asText()))
        .isEqualTo(new Schema.Parser().parse(TestSchemas.BASE));
    assertThat(body.get("schemaType").asText()).as("named since Confluent 8.0").isEqualTo("AVRO");

    Reply byId = client.get("/schemas/ids/" + id);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().get("schema").asText()).isEqualTo(body.get("schema").asText());
  }

  @Test
  void sameSchemaAgainGetsSameIdAndNoNewVersion() {
    int first = client.register("s", TestSchemas.BASE);
    int again = client.register("s", TestSchemas.BASE);

    assertThat(again).isEqualTo(first);
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1]");
  }

  @Test
  void reformattedSchemaWithOtherKeyOrderIsTheSameSchema() {
    int first = client.register("s", TestSchemas.BASE);

    int reformatted = client.register("s", TestSchemas.BASE_REFORMATTED);
    Reply lookup = client.post("/subjects/s", schemaBody(TestSchemas.BASE_REFORMATTED));

    assertThat(reformatted).isEqualTo(first);
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1]");
    assertThat(lookup.status()).isEqualTo(200);
    assertThat(lookup.json().get("id").asInt()).isEqualTo(first);
  }

  @Test
  void customAttributesInAnotherOrderAreTheSameSchema() {
    String one = "{\"type\":\"string\",\"x-owner\":\"coach\",\"x-pii\":false}";
    String other = "{\"x-pii\":false,\"type\":\"string\",\"x-owner\":\"coach\"}";

    assertThat(client.register("s", other)).isEqualTo(client.register("s", one));
  }

  @Test
  void changingADocIsANewSchema() {
    String documented = TestSchemas.BASE.replace("\"type\": \"record\",",
        "\"type\": \"record\", \"doc\": \"A pain report.\",");

    assertThat(client.register("s", documented)).isNotEqualTo(client.register("s", TestSchemas.BASE));
  }

  @Test
  void sameSchemaInAnotherSubjectSharesTheId() {
    int first = client.register("a-value", TestSchemas.BASE);
    int second = client.register("b-value", TestSchemas.BASE);

    assertThat(second).isEqualTo(first);
    Reply versions = client.get("/schemas/ids/" + first + "/versions");
    assertThat(versions.json().toString())
        .isEqualTo("[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
    assertThat(client.get("/schemas/ids/" + first + "/subjects").json().toString())
        .isEqualTo("[\"a-value\",\"b-value\"]");
  }

  @Test
  void newSchemasGetIncreasingIdsAndVersions() {
    int first = client.register("s", TestSchemas.BASE);
    int second = client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);
    int other = client.register("t", TestSchemas.OTHER_RECORD);

    assertThat(second).isGreaterThan(first);
    assertThat(other).isGreaterThan(second);
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[1,2]");
    assertThat(client.get("/subjects/s/versions/2").json().get("id").asInt()).isEqualTo(second);
  }

  @Test
  void latestAndMinusOneNameTheNewestVersion() {
    client.register("s", TestSchemas.BASE);
    int second = client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);

    assertThat(client.get("/subjects/s/versions/latest").json().get("id").asInt()).isEqualTo(second);
    assertThat(client.get("/subjects/s/versions/-1").json().get("version").asInt()).isEqualTo(2);
  }

  @Test
  void rawSchemaEndpointsReturnTheSchemaItself() {
    int id = client.register("s", TestSchemas.BASE);

    Reply byVersion = client.get("/subjects/s/versions/latest/schema");
    Reply byId = client.get("/schemas/ids/" + id + "/schema");

    assertThat(byVersion.status()).isEqualTo(200);
    assertThat(new Schema.Parser().parse(byVersion.body()))
        .isEqualTo(new Schema.Parser().parse(TestSchemas.BASE));
    assertThat(byId.body()).isEqualTo(byVersion.body());
  }

  @Test
  void registrationAcceptsExplicitAvroTypeAndEmptyReferences() {
    String body = "{\"schemaType\":\"AVRO\",\"references\":[],\"schema\":"
        + RegistryClient.MAPPER.createObjectNode().textNode(TestSchemas.BASE) + "}";

    Reply reply = client.post("/subjects/s/versions", body);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("id").asInt()).isPositive();
  }

  @Test
  void nonAsciiTextSurvivesTheRoundTrip() {
    String schema = "{\"type\": \"enum\", \"name\": \"Region\", \"doc\": \"Rücken – Schmerz ✓\","
        + " \"symbols\": [\"UNKNOWN\"]}";

    int id = client.register("s", schema);

    assertThat(client.get("/schemas/ids/" + id).json().get("schema").asText())
        .contains("Rücken – Schmerz ✓");
    assertThat(client.register("s", schema)).isEqualTo(id);
  }

  @Test
  void primitiveSchemasCanBeRegistered() {
    int id = client.register("key-subject", "\"string\"");

    assertThat(client.get("/schemas/ids/" + id).json().get("schema").asText()).isEqualTo("\"string\"");
  }

  @Test
  void subjectsListsRegisteredSubjectsSorted() {
    assertThat(client.get("/subjects").json().toString()).isEqualTo("[]");
    client.register("b-value", TestSchemas.BASE);
    client.register("a-value", TestSchemas.OTHER_RECORD);

    assertThat(client.get("/subjects").json().toString()).isEqualTo("[\"a-value\",\"b-value\"]");
    assertThat(client.get("/subjects?subjectPrefix=b").json().toString()).isEqualTo("[\"b-value\"]");
  }

  @Test
  void schemaTypesAreAvro() {
    Reply reply = client.get("/schemas/types");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void lookupReturnsSubjectIdVersionAndSchema() {
    client.register("s", TestSchemas.BASE);
    int id = client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);

    Reply reply = client.post("/subjects/s", schemaBody(TestSchemas.ADD_FIELD_WITH_DEFAULT));

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("subject").asText()).isEqualTo("s");
    assertThat(body.get("id").asInt()).isEqualTo(id);
    assertThat(body.get("version").asInt()).isEqualTo(2);
    assertThat(body.get("schema").asText()).contains("\"note\"");
  }

  @Test
  void lookupOfUnregisteredSchemaIs40403() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/subjects/s", schemaBody(TestSchemas.OTHER_RECORD));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40403);
  }

  @Test
  void lookupInUnknownSubjectIs40401() {
    Reply reply = client.post("/subjects/nobody", schemaBody(TestSchemas.BASE));

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40401);
    assertThat(reply.json().get("message").asText()).contains("nobody");
  }

  @Test
  void unknownSubjectIs40401OnEveryReadEndpoint() {
    for (String path : new String[] {"/subjects/nobody/versions", "/subjects/nobody/versions/1",
        "/subjects/nobody/versions/latest", "/subjects/nobody/versions/latest/schema"}) {
      Reply reply = client.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).as(path).isEqualTo(40401);
    }
  }

  @Test
  void unknownVersionIs40402() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.get("/subjects/s/versions/7");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40402);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "abc", "1.5", "99999999999"})
  void invalidVersionIs42202(String version) {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.get("/subjects/s/versions/" + version);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42202);
  }

  @ParameterizedTest
  @ValueSource(strings = {"999", "abc"})
  void unknownSchemaIdIs40403(String id) {
    for (String path : new String[] {"/schemas/ids/" + id, "/schemas/ids/" + id + "/versions",
        "/schemas/ids/" + id + "/schema"}) {
      Reply reply = client.get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.errorCode()).as(path).isEqualTo(40403);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"type\": \"record\", \"name\": \"Broken\"",
      "{\"type\": \"recrod\", \"name\": \"Typo\", \"fields\": []}",
      "{\"type\": \"record\", \"name\": \"BadDefault\","
          + " \"fields\": [{\"name\": \"level\", \"type\": \"int\", \"default\": \"high\"}]}",
      "{\"type\": \"record\", \"name\": \"1-bad-name\", \"fields\": []}",
      "not json at all",
      ""})
  void invalidSchemaIs42201(String schema) {
    Reply reply = client.post("/subjects/s/versions", schemaBody(schema));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(client.get("/subjects").json().toString()).isEqualTo("[]");
  }

  @Test
  void missingSchemaFieldIs42201() {
    Reply reply = client.post("/subjects/s/versions", "{\"schemaType\": \"AVRO\"}");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
  }

  @Test
  void unsupportedSchemaTypeIs42201() {
    String body = "{\"schemaType\": \"PROTOBUF\", \"schema\": \"syntax = \\\"proto3\\\";\"}";

    Reply reply = client.post("/subjects/s/versions", body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
    assertThat(reply.json().get("message").asText()).contains("PROTOBUF");
  }

  @Test
  void invalidSchemaInLookupIs42201() {
    client.register("s", TestSchemas.BASE);

    Reply reply = client.post("/subjects/s", schemaBody("{\"type\": \"nonsense\"}"));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
  }

  @Test
  void schemasCanReferenceTypesOfOtherSubjects() {
    client.register("limb", "{\"type\": \"enum\", \"name\": \"Limb\", \"namespace\": \"io.painguard.test\","
        + " \"symbols\": [\"UNKNOWN\", \"LEFT_LEG\"]}");
    String schema = "{\"type\": \"record\", \"name\": \"Radiation\", \"namespace\": \"io.painguard.test\","
        + " \"fields\": [{\"name\": \"limb\", \"type\": \"io.painguard.test.Limb\"}]}";
    String body = "{\"schema\": " + RegistryClient.MAPPER.createObjectNode().textNode(schema)
        + ", \"references\": [{\"name\": \"io.painguard.test.Limb\", \"subject\": \"limb\", \"version\": 1}]}";

    Reply registered = client.post("/subjects/radiation/versions", body);
    Reply lookedUp = client.post("/subjects/radiation", body);
    Reply read = client.get("/subjects/radiation/versions/1");

    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(lookedUp.json().get("id").asInt()).isEqualTo(registered.json().get("id").asInt());
    assertThat(read.json().get("references").get(0).get("subject").asText()).isEqualTo("limb");
    assertThat(read.json().get("schema").asText()).doesNotContain("LEFT_LEG");
    assertThat(client.get("/subjects/limb/versions/1/referencedby").json().toString())
        .isEqualTo("[" + registered.json().get("id").asInt() + "]");
  }

  @Test
  void referenceToAMissingSchemaIs42201() {
    String body = "{\"schema\": \"\\\"io.painguard.test.Limb\\\"\", \"references\":"
        + " [{\"name\": \"io.painguard.test.Limb\", \"subject\": \"nowhere\", \"version\": 1}]}";

    Reply reply = client.post("/subjects/s/versions", body);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42201);
  }
}
