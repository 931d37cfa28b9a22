package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Replaying a log into the view, as a store does on open. */
class RegistryStateTest {

  private final RegistryState state = new RegistryState();

  @Test
  void replayedIdsContinueAfterTheHighest() {
    state.apply(put("a", 1, 4));
    state.apply(put("b", 1, 9));

    assertThat(state.nextSchemaId()).isEqualTo(10);
    state.apply(put("c", 1, 10));
    assertThat(state.nextSchemaId()).as("an id in the log is never handed out again").isEqualTo(11);
  }

  @Test
  void afterCompactionDroppedDeletedSchemasTheIdFloorStillHoldsIds() {
    // A compacted log: the entry with id 9 is gone, only the floor written before its removal remains
    state.apply(put("a", 1, 4));
    state.apply(new StoreChange.RaiseIdFloor(9));

    assertThat(state.nextSchemaId()).isEqualTo(10);
  }

  @Test
  void removingTheLastVersionRemovesTheSubject() {
    state.apply(put("a", 1, 1));
    state.apply(new StoreChange.RemoveVersion("a", 1));

    assertThat(state.subjectNames()).isEmpty();
    assertThat(state.entriesWithId(1)).isEmpty();
  }

  @Test
  void identicalSchemasWrittenDifferentlyShareAnIdentity() {
    state.apply(put("a", 1, 5));
    String sameSchemaOtherKeyOrder = "{\"x-owner\":\"coach\",\"type\":\"string\"}";

    assertThat(state.idOf(SchemaIdentity.of("AVRO", sameSchemaOtherKeyOrder, List.of()))).hasValue(5);
    assertThat(state.idOf(SchemaIdentity.of("AVRO", "\"int\"", List.of()))).isEmpty();
  }

  @Test
  void compatibilityLevelsFallBackWhenRemoved() {
    state.apply(new StoreChange.PutCompatibility(null, CompatibilityLevel.FULL));
    state.apply(new StoreChange.PutCompatibility("a", CompatibilityLevel.NONE));
    state.apply(new StoreChange.RemoveCompatibility("a"));

    assertThat(state.subjectLevel("a")).isEmpty();
    assertThat(state.globalLevel()).contains(CompatibilityLevel.FULL);
  }

  @Test
  void modesReplayAndFallBackWhenRemoved() {
    state.apply(new StoreChange.PutMode(null, RegistryMode.READONLY));
    state.apply(new StoreChange.PutMode("a", RegistryMode.IMPORT));
    state.apply(new StoreChange.PutMode("b", RegistryMode.READWRITE));
    state.apply(new StoreChange.RemoveMode("a"));

    assertThat(state.mode("a")).isEmpty();
    assertThat(ModeService.inScope(state, "a")).isEqualTo(RegistryMode.READONLY);
    assertThat(ModeService.inScope(state, "b")).as("a subject's own mode wins").isEqualTo(RegistryMode.READWRITE);
    assertThat(state.subjectsWithMode()).containsExactly("b");
  }

  @Test
  void aVersionCarriesTheTimeItsRecordWasWrittenAndItsGuidFindsItsId() {
    state.apply(put("a", 1, 7), 1_700_000_000_000L);

    SchemaVersionEntry entry = state.versionsOf("a").get(0);
    assertThat(entry.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(state.idOfGuid(entry.guid())).hasValue(7);
    assertThat(state.idOfGuid("00000000-0000-0000-0000-000000000000")).isEmpty();
  }

  private static StoreChange put(String subject, int version, int id) {
    return new StoreChange.PutVersion(new SchemaVersionEntry(subject, version, id, "AVRO",
        "{\"type\":\"string\",\"x-owner\":\"coach\"}", List.of(), false));
  }
}
