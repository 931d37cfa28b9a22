package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GUID as Confluent 8 derives it. The expected values were computed outside Java (Python's
 * hashlib and uuid) from the bytes Confluent's registry hashes, so they pin the derivation itself.
 */
class SchemaGuidTest {

  @Test
  void isTheMd5OfTheSchemaTextWrittenAsAUuid() {
    // Given the text "abc", whose MD5 is 900150983cd24fb0d6963f7d28e17f72
    // When its GUID is derived
    String guid = SchemaGuid.of("abc", List.of());

    // Then it is those 16 bytes as a UUID, high half first
    assertThat(guid).isEqualTo("90015098-3cd2-4fb0-d696-3f7d28e17f72");
  }

  @Test
  void referencesAddNameSubjectAndABigEndianVersion() {
    // Given a schema that references version 1 of subject "limb"
    String text = "{\"type\":\"array\",\"items\":\"io.painguard.test.Limb\"}";
    List<SchemaReference> references = List.of(new SchemaReference("io.painguard.test.Limb", "limb", 1));

    // When its GUID is derived with and without the reference
    String withReference = SchemaGuid.of(text, references);
    String without = SchemaGuid.of(text, List.of());

    // Then the reference is part of it, hashed as Confluent does
    assertThat(withReference).isEqualTo("3cf4acc5-afe4-71ae-3b59-e77d44ea7305");
    assertThat(without).isNotEqualTo(withReference);
  }

  @Test
  void theSameTextAlwaysGivesTheSameGuid() {
    assertThat(SchemaGuid.of("\"string\"", List.of()))
        .isEqualTo(SchemaGuid.of("\"string\"", List.of()))
        .isEqualTo("095d71cf-1255-6b9d-5e33-0ad575b3df5d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"095d71cf-1255-6b9d-5e33-0ad575b3df5d", "095D71CF-1255-6B9D-5E33-0AD575B3DF5D",
      "095d71cf12556b9d5e330ad575b3df5d"})
  void parsesAUuidOrThirtyTwoHexDigitsAsConfluentDoes(String written) {
    assertThat(SchemaGuid.parse(written)).contains("095d71cf-1255-6b9d-5e33-0ad575b3df5d");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-a-guid", "095d71cf12556b9d", "zz5d71cf12556b9d5e330ad575b3df5d"})
  void parsesNothingElse(String written) {
    assertThat(SchemaGuid.parse(written)).isEmpty();
  }
}
