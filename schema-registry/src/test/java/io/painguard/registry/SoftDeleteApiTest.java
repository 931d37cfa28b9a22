package io.painguard.registry;

import static io.painguard.registry.RegistryClient.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.registry.RegistryClient.Reply;
import org.junit.jupiter.api.Test;

/** Soft and permanent deletes of versions and subjects, with Confluent's semantics. */
class SoftDeleteApiTest extends RunningRegistry {

  @Test
  void softDeletedVersionIsHiddenButItsIdStillResolves() {
    int first = client.register("s", TestSchemas.BASE);
    client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);

    Reply deleted = client.delete("/subjects/s/versions/1");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo("1");
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[2]");
    assertThat(client.get("/subjects/s/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
    assertThat(client.get("/subjects/s/versions/1").errorCode()).isEqualTo(40402);
    assertThat(client.get("/subjects/s/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(first);
    assertThat(client.get("/schemas/ids/" + first).status())
        .as("data written with a soft-deleted schema must stay readable").isEqualTo(200);
    assertThat(client.get("/schemas/ids/" + first + "/versions").json().toString()).isEqualTo("[]");
    assertThat(client.get("/schemas/ids/" + first + "/versions?deleted=true").json().toString())
        .isEqualTo("[{\"subject\":\"s\",\"version\":1}]");
  }

  @Test
  void deletingLatestSoftDeletesTheNewestLiveVersion() {
    client.register("s", TestSchemas.BASE);
    client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);

    assertThat(client.delete("/subjects/s/versions/latest").body()).isEqualTo("2");
    assertThat(client.get("/subjects/s/versions/latest").json().get("version").asInt()).isEqualTo(1);
  }

  @Test
  void softDeletingTwiceIs40406() {
    client.register("s", TestSchemas.BASE);
    client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);
    client.delete("/subjects/s/versions/1");

    Reply again = client.delete("/subjects/s/versions/1");

    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo(40406);
  }

  @Test
  void permanentDeleteNeedsASoftDeleteFirst() {
    client.register("s", TestSchemas.BASE);

    Reply premature = client.delete("/subjects/s/versions/1?permanent=true");
    client.delete("/subjects/s/versions/1");
    Reply permanent = client.delete("/subjects/s/versions/1?permanent=true");

    assertThat(premature.status()).isEqualTo(404);
    assertThat(premature.errorCode()).isEqualTo(40407);
    assertThat(permanent.status()).isEqualTo(200);
    assertThat(client.get("/subjects/s/versions/1?deleted=true").errorCode()).isEqualTo(40401);
  }

  @Test
  void permanentlyDeletedSchemaIdIsGoneAndNeverReused() {
    int first = client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s/versions/1");
    client.delete("/subjects/s/versions/1?permanent=true");

    int next = client.register("s", TestSchemas.BASE);

    assertThat(client.get("/schemas/ids/" + first).errorCode()).isEqualTo(40403);
    assertThat(next).isGreaterThan(first);
  }

  @Test
  void deletingUnknownVersionOrSubjectIs404() {
    client.register("s", TestSchemas.BASE);

    assertThat(client.delete("/subjects/s/versions/9").errorCode()).isEqualTo(40402);
    assertThat(client.delete("/subjects/nobody/versions/1").errorCode()).isEqualTo(40401);
    assertThat(client.delete("/subjects/nobody").errorCode()).isEqualTo(40401);
    assertThat(client.delete("/subjects/s/versions/zero").errorCode()).isEqualTo(42202);
  }

  @Test
  void softDeletedSubjectDisappearsFromListingsAndLookups() {
    client.register("s", TestSchemas.BASE);
    client.register("s", TestSchemas.ADD_FIELD_WITH_DEFAULT);
    client.register("t", TestSchemas.OTHER_RECORD);

    Reply deleted = client.delete("/subjects/s");

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().toString()).isEqualTo("[1,2]");
    assertThat(client.get("/subjects").json().toString()).isEqualTo("[\"t\"]");
    assertThat(client.get("/subjects?deleted=true").json().toString()).isEqualTo("[\"s\",\"t\"]");
    assertThat(client.get("/subjects/s/versions").errorCode()).isEqualTo(40401);
    assertThat(client.post("/subjects/s", schemaBody(TestSchemas.BASE)).errorCode()).isEqualTo(40401);
    assertThat(client.post("/subjects/s?deleted=true", schemaBody(TestSchemas.BASE)).status())
        .isEqualTo(200);
  }

  @Test
  void softDeletingASubjectTwiceIs40404AndPermanentNeedsSoftFirst() {
    client.register("s", TestSchemas.BASE);

    Reply premature = client.delete("/subjects/s?permanent=true");
    client.delete("/subjects/s");
    Reply again = client.delete("/subjects/s");
    Reply permanent = client.delete("/subjects/s?permanent=true");

    assertThat(premature.errorCode()).isEqualTo(40405);
    assertThat(again.errorCode()).isEqualTo(40404);
    assertThat(permanent.status()).isEqualTo(200);
    assertThat(permanent.json().toString()).isEqualTo("[1]");
    assertThat(client.get("/subjects?deleted=true").json().toString()).isEqualTo("[]");
  }

  @Test
  void reRegisteringAfterSoftDeleteKeepsTheIdWithANewVersion() {
    int id = client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s");

    int again = client.register("s", TestSchemas.BASE);

    assertThat(again).isEqualTo(id);
    assertThat(client.get("/subjects/s/versions").json().toString()).isEqualTo("[2]");
  }

  @Test
  void softDeletedVersionsAreNotCheckedForCompatibility() {
    client.register("s", TestSchemas.BASE);
    client.delete("/subjects/s");

    Reply reply = client.post("/subjects/s/versions", schemaBody(TestSchemas.CHANGE_FIELD_TYPE));

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void permanentSubjectDeleteAlsoDropsItsCompatibilityLevel() {
    client.register("s", TestSchemas.BASE);
    client.put("/config/s", "{\"compatibility\": \"NONE\"}");
    client.delete("/subjects/s");

    client.delete("/subjects/s?permanent=true");

    assertThat(client.get("/config/s").errorCode()).isEqualTo(40408);
  }

  @Test
  void referencedSchemaCannotBeDeleted() {
    client.register("limb", "{\"type\": \"enum\", \"name\": \"Limb\", \"symbols\": [\"UNKNOWN\"]}");
    String body = "{\"schema\": \"{\\\"type\\\": \\\"array\\\", \\\"items\\\": \\\"Limb\\\"}\","
        + " \"references\": [{\"name\": \"Limb\", \"subject\": \"limb\", \"version\": 1}]}";
    assertThat(client.post("/subjects/limbs/versions", body).status()).isEqualTo(200);

    Reply reply = client.delete("/subjects/limb/versions/1");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo(42206);
  }
}
