package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

/** Confluent's server metadata and the subject-metadata lookup. */
class MetadataApiTest extends RunningRegistry {

  @Test
  void clusterIdNamesTheRegistryGroupAsConfluentsDefault() {
    Reply reply = client.get("/v1/metadata/id");

    // An in-memory store is on no Kafka cluster, so only the registry cluster is named
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().toString())
        .isEqualTo("{\"scope\":{\"path\":[],\"clusters\":{\"schema-registry-cluster\":\"schema-registry\"}}}");
  }

  @Test
  void versionIsThisRegistrysOwn() {
    Reply reply = client.get("/v1/metadata/version");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void subjectMetadataOfASubjectWithoutMetadataIs40403() {
    // Given a subject whose versions carry no metadata (this registry stores none)
    client.register("s", TestSchemas.BASE);

    // When the latest version with some metadata is asked for, with and without properties
    Reply plain = client.get("/subjects/s/metadata");
    Reply withProperty = client.get("/subjects/s/metadata?key=owner&value=coach");

    // Then Confluent's answer for "no version matches": schema not found
    for (Reply reply : new Reply[] {plain, withProperty}) {
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.errorCode()).isEqualTo(40403);
      assertThat(reply.json().get("message").asText()).isEqualTo("Schema not found");
    }
  }

  @Test
  void subjectMetadataOfAnUnknownSubjectIs40401() {
    Reply reply = client.get("/subjects/nobody/metadata");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.errorCode()).isEqualTo(40401);
  }
}
