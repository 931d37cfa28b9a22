package io.painguard.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.registry.CompatibilityChecker.PreviousVersion;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompatibilityCheckerTest {

  private static final Schema BASE = parse(TestSchemas.BASE);
  private static final Schema ADD_NO_DEFAULT = parse(TestSchemas.ADD_FIELD_WITHOUT_DEFAULT);
  private static final Schema ADD_WITH_DEFAULT = parse(TestSchemas.ADD_FIELD_WITH_DEFAULT);
  private static final Schema REMOVE_FIELD = parse(TestSchemas.REMOVE_FIELD);
  private static final Schema LEVEL_WITH_DEFAULT = parse(TestSchemas.LEVEL_WITH_DEFAULT);

  @Test
  void backwardRefusesANewFieldWithoutDefaultAndSaysWhichField() {
    List<String> problems = CompatibilityChecker.check(CompatibilityLevel.BACKWARD, ADD_NO_DEFAULT,
        List.of(new PreviousVersion(1, BASE)));

    assertThat(problems).singleElement().asString()
        .contains("version 1", "READER_FIELD_MISSING_DEFAULT_VALUE", "note");
  }

  @Test
  void backwardAcceptsANewFieldWithDefaultAndARemovedField() {
    List<PreviousVersion> previous = List.of(new PreviousVersion(1, BASE));

    assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, ADD_WITH_DEFAULT, previous)).isEmpty();
    assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, REMOVE_FIELD, previous)).isEmpty();
  }

  @Test
  void forwardRefusesRemovingAFieldTheOldSchemaNeeds() {
    List<PreviousVersion> previous = List.of(new PreviousVersion(1, BASE));

    assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, REMOVE_FIELD, previous))
        .singleElement().asString().contains("version 1 cannot read data written with the new schema");
    assertThat(CompatibilityChecker.check(CompatibilityLevel.FORWARD, ADD_NO_DEFAULT, previous)).isEmpty();
  }

  @Test
  void fullReportsBothDirections() {
    Schema changedType = parse(TestSchemas.CHANGE_FIELD_TYPE);

    List<String> problems = CompatibilityChecker.check(CompatibilityLevel.FULL, changedType,
        List.of(new PreviousVersion(1, BASE)));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("the new schema cannot read");
    assertThat(problems.get(1)).contains("cannot read data written with the new schema");
  }

  @Test
  void plainLevelsCheckOnlyTheNewestVersionAndTransitiveOnesCheckAll() {
    List<PreviousVersion> history = List.of(
        new PreviousVersion(1, REMOVE_FIELD), new PreviousVersion(2, LEVEL_WITH_DEFAULT));

    assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD, BASE, history)).isEmpty();
    assertThat(CompatibilityChecker.check(CompatibilityLevel.BACKWARD_TRANSITIVE, BASE, history))
        .singleElement().asString().contains("version 1");
  }

  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void noPreviousVersionIsAlwaysCompatible(CompatibilityLevel level) {
    assertThat(CompatibilityChecker.check(level, ADD_NO_DEFAULT, List.of())).isEmpty();
  }

  @Test
  void noneAcceptsAnything() {
    assertThat(CompatibilityChecker.check(CompatibilityLevel.NONE, parse("\"int\""),
        List.of(new PreviousVersion(1, BASE)))).isEmpty();
  }

  @Test
  void levelsParseIgnoringCaseAndRefuseOthers() {
    assertThat(CompatibilityLevel.parse("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
    assertThat(CompatibilityLevel.parse(" backward ")).contains(CompatibilityLevel.BACKWARD);
    assertThat(CompatibilityLevel.parse("sideways")).isEmpty();
    assertThat(CompatibilityLevel.parse(null)).isEmpty();
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }
}
