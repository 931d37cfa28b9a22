package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class StoreRecordCodecTest {

  static List<StoreChange> changes() {
    SchemaVersionEntry entry = new SchemaVersionEntry("pain-reports-value", 3, 17, "AVRO",
        "\"string\"", List.of(new SchemaReference("io.painguard.Limb", "limb", 2)), true);
    return List.of(
        new StoreChange.PutVersion(entry),
        new StoreChange.RemoveVersion("pain-reports-value", 3),
        new StoreChange.PutCompatibility("pain-reports-value", CompatibilityLevel.FULL_TRANSITIVE),
        new StoreChange.PutCompatibility(null, CompatibilityLevel.NONE),
        new StoreChange.RemoveCompatibility("pain-reports-value"),
        new StoreChange.RemoveCompatibility(null),
        new StoreChange.PutMode("pain-reports-value", RegistryMode.READONLY),
        new StoreChange.PutMode(null, RegistryMode.IMPORT),
        new StoreChange.RemoveMode("pain-reports-value"),
        new StoreChange.RemoveMode(null),
        new StoreChange.RaiseIdFloor(42));
  }

  @ParameterizedTest
  @MethodSource("changes")
  void everyChangeReadsBackAsItWasWritten(StoreChange change) throws IOException {
    StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(change);

    assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value())).contains(change);
  }

  @Test
  void aSoftDeleteOverwritesTheSameKeySoCompactionKeepsOnlyTheLatestState() {
    SchemaVersionEntry live = new SchemaVersionEntry("s", 1, 1, "AVRO", "\"int\"", List.of(), false);

    byte[] registered = StoreRecordCodec.encode(new StoreChange.PutVersion(live)).key();
    byte[] softDeleted = StoreRecordCodec.encode(new StoreChange.PutVersion(live.asDeleted())).key();
    StoreRecordCodec.Encoded removed = StoreRecordCodec.encode(new StoreChange.RemoveVersion("s", 1));

    assertThat(softDeleted).isEqualTo(registered);
    assertThat(removed.key()).isEqualTo(registered);
    assertThat(removed.value()).as("a permanent delete is a tombstone").isNull();
  }

  @Test
  void aModeIsConfluentsModeRecord() {
    // When a subject's mode is encoded
    StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(
        new StoreChange.PutMode("pain-reports-value", RegistryMode.READONLY));

    // Then it is keyed and valued as Confluent's registry keys and values modes
    assertThat(new String(encoded.key(), StandardCharsets.UTF_8))
        .isEqualTo("{\"keytype\":\"MODE\",\"subject\":\"pain-reports-value\",\"magic\":0}");
    assertThat(new String(encoded.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"subject\":\"pain-reports-value\",\"mode\":\"READONLY\"}");
  }

  @Test
  void whenAVersionWasWrittenIsNotPartOfTheStoredValue() throws IOException {
    // Given a version as the registry holds it, with the time its record was written
    SchemaVersionEntry applied = new SchemaVersionEntry("s", 1, 1, "AVRO", "\"int\"", List.of(), false)
        .writtenAt(1_700_000_000_000L);

    // When it is encoded and read back
    StoreRecordCodec.Encoded encoded = StoreRecordCodec.encode(new StoreChange.PutVersion(applied));

    // Then the value holds no time of its own (the record's timestamp is that time), so the
    // format stays what older registries read
    assertThat(new String(encoded.value(), StandardCharsets.UTF_8)).doesNotContain("1700000000000");
    assertThat(StoreRecordCodec.decode(encoded.key(), encoded.value()))
        .contains(new StoreChange.PutVersion(
            new SchemaVersionEntry("s", 1, 1, "AVRO", "\"int\"", List.of(), false)));
  }

  @Test
  void recordsOfOtherToolsAreSkipped() throws IOException {
    byte[] key = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);

    assertThat(StoreRecordCodec.decode(key, null)).isEmpty();
  }

  @Test
  void garbageIsReportedNotApplied() {
    byte[] key = "not json".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> StoreRecordCodec.decode(key, key)).isInstanceOf(IOException.class);
  }
}
