package io.painguard.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityEvent;
import io.painguard.events.PainReport;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

  @AfterEach
  void dropScopes() {
    MockSchemaRegistry.drop("a");
    MockSchemaRegistry.drop("b");
  }

  @Test
  void serdesWithTheSameScopeShareOneRegistryAndOtherScopesAreSeparate() {
    // Given a writer on scope a, and readers on scopes a and b
    SpecificAvroSerde<ActivityEvent> writer = SpecificAvroSerde.of(ActivityEvent.class,
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://a"), false);
    SpecificAvroSerde<ActivityEvent> sameScope = SpecificAvroSerde.of(ActivityEvent.class,
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://a"), false);
    SpecificAvroSerde<ActivityEvent> otherScope = SpecificAvroSerde.of(ActivityEvent.class,
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://b"), false);

    // When
    byte[] bytes = writer.serializer().serialize("t", Samples.activity());

    // Then
    assertThat(sameScope.deserializer().deserialize("t", bytes)).isEqualTo(Samples.activity());
    assertThatThrownBy(() -> otherScope.deserializer().deserialize("t", bytes))
        .hasMessageContaining("unknown schema id 1")
        .hasMessageContaining("mock://b");
  }

  @Test
  void dropForgetsEverything() {
    MockSchemaRegistry.forScope("a").register("s", ActivityEvent.getClassSchema());

    MockSchemaRegistry.drop("a");

    assertThat(MockSchemaRegistry.forScope("a").subjects()).isEmpty();
    assertThatThrownBy(() -> MockSchemaRegistry.forScope("a").getSchemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .satisfies(e -> assertThat(((SchemaRegistryException) e).errorCode())
            .isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
  }

  @Test
  void idsAreGlobalStableAndSharedByIdenticalSchemas() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope("a");

    int first = registry.register("x-value", ActivityEvent.getClassSchema());
    int again = registry.register("x-value", ActivityEvent.getClassSchema());
    int elsewhere = registry.register("y-value", ActivityEvent.getClassSchema());
    int other = registry.register("z-value", PainReport.getClassSchema());

    assertThat(first).isEqualTo(1).isEqualTo(again).isEqualTo(elsewhere);
    assertThat(other).isEqualTo(2);
    assertThat(registry.versionIds("x-value")).containsExactly(1);
    assertThat(registry.getLatestSchemaMetadata("y-value"))
        .isEqualTo(new RegisteredSchema("y-value", 1, 1, ActivityEvent.getClassSchema()));
    assertThat(registry.getId("z-value", PainReport.getClassSchema())).isEqualTo(2);
  }

  @Test
  void compatibilityCanBeRelaxed() {
    MockSchemaRegistry registry = MockSchemaRegistry.forScope("a");
    Schema v1 = SchemaBuilder.record("R").fields().requiredString("a").endRecord();
    Schema breaking = SchemaBuilder.record("R").fields().requiredString("b").endRecord();
    registry.register("s", v1);

    assertThatThrownBy(() -> registry.register("s", breaking))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("incompatible");
    registry.setCompatibility(MockSchemaRegistry.Compatibility.NONE);
    assertThat(registry.register("s", breaking)).isEqualTo(2);
    assertThat(registry.getLatestSchemaMetadata("s").version()).isEqualTo(2);
  }
}
