package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.painguard.registry.RegistryClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Listings with Confluent's filters and paging: /subjects, /schemas, versions, contexts. */
class PagingApiTest extends RunningRegistry {

  /**
   * a-value: versions 1 and 2; b-value: version 1; c-value: version 1, soft-deleted (a subject
   * with deleted versions only).
   */
  @BeforeEach
  void threeSubjects() {
    client.register("a-value", TestSchemas.BASE);
    client.register("a-value", TestSchemas.ADD_FIELD_WITH_DEFAULT);
    client.register("b-value", TestSchemas.OTHER_RECORD);
    client.register("c-value", "\"string\"");
    client.delete("/subjects/c-value");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/subjects | [\"a-value\",\"b-value\"]",
      "/subjects?limit=1 | [\"a-value\"]",
      "/subjects?offset=1 | [\"b-value\"]",
      "/subjects?offset=1&limit=1 | [\"b-value\"]",
      "/subjects?offset=5 | []",
      "/subjects?limit=0 | [\"a-value\",\"b-value\"]",
      "/subjects?limit=-1 | [\"a-value\",\"b-value\"]",
      "/subjects?deleted=true | [\"a-value\",\"b-value\",\"c-value\"]",
      "/subjects?deleted=true&offset=2&limit=1 | [\"c-value\"]",
      "/subjects?deletedOnly=true | [\"c-value\"]",
      "/subjects?subjectPrefix=b | [\"b-value\"]",
      "/subjects?subjectPrefix=x | []",
  })
  void subjectsAreFilteredThenPaged(String path, String expected) {
    Reply reply = client.get(path);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/schemas | a-value:1,a-value:2,b-value:1",
      "/schemas?latestOnly=true | a-value:2,b-value:1",
      "/schemas?subjectPrefix=a | a-value:1,a-value:2",
      "/schemas?deleted=true | a-value:1,a-value:2,b-value:1,c-value:1",
      "/schemas?deleted=true&latestOnly=true | a-value:2,b-value:1,c-value:1",
      "/schemas?offset=1&limit=1 | a-value:2",
      "/schemas?limit=5000 | a-value:1,a-value:2,b-value:1",
  })
  void schemasAreFilteredThenPagedInSubjectAndVersionOrder(String path, String expected) {
    Reply reply = client.get(path);

    assertThat(reply.status()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    reply.json().forEach(entry -> found.add(entry.get("subject").asText() + ":" + entry.get("version").asInt()));
    assertThat(String.join(",", found)).isEqualTo(expected);
  }

  @Test
  void schemasListEntriesAreWholeVersions() {
    JsonNode entry = client.get("/schemas?subjectPrefix=b").json().get(0);

    assertThat(entry.get("id").asInt()).isPositive();
    assertThat(entry.get("guid").asText()).isNotBlank();
    assertThat(entry.get("schemaType").asText()).isEqualTo("AVRO");
    assertThat(entry.get("schema").asText()).contains("ActivitySample");
    assertThat(entry.get("deleted").asBoolean()).isFalse();
    assertThat(entry.get("ts").asLong()).isPositive();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/subjects/a-value/versions?limit=1 | [1]",
      "/subjects/a-value/versions?offset=1 | [2]",
      "/subjects/c-value/versions?deleted=true | [1]",
      "/subjects/c-value/versions?deletedOnly=true | [1]",
      "/subjects/a-value/versions?deletedOnly=true | []",
  })
  void versionsAreFilteredThenPaged(String path, String expected) {
    Reply reply = client.get(path);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo(expected);
  }

  @Test
  void idListingsArePaged() {
    int id = client.register("d-value", TestSchemas.OTHER_RECORD);

    assertThat(client.get("/schemas/ids/" + id + "/subjects?limit=1").json().toString()).isEqualTo("[\"b-value\"]");
    assertThat(client.get("/schemas/ids/" + id + "/versions?offset=1").json().toString())
        .isEqualTo("[{\"subject\":\"d-value\",\"version\":1}]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/subjects?limit=ten", "/subjects?offset=x", "/schemas?limit=1.5",
      "/subjects/a-value/versions?offset=one"})
  void aPagingParameterThatIsNotANumberIs404AsInConfluent(String path) {
    Reply reply = client.get(path);

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/contexts | [\".\"]",
      "/contexts?contextPrefix=. | [\".\"]",
      "/contexts?contextPrefix=.other | []",
      "/contexts?offset=1 | []",
  })
  void theOnlyContextIsTheDefaultOne(String path, String expected) {
    Reply reply = client.get(path);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString()).isEqualTo(expected);
  }
}
