package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainReport;
import io.painguard.events.SelfCare;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The wording table covers every symbol a person can see, in words a person would write. */
class WordingTest {

  @Test
  void everyEnumOfEverySchemaHasATable() throws Exception {
    // Given every enum the contract's four schemas use (walked from the schemas, so a new enum counts)
    Set<String> enums = new TreeSet<>();
    for (Schema s :
        List.of(
            ActivityEvent.getClassSchema(),
            PainReport.getClassSchema(),
            AthleteProfile.getClassSchema(),
            ExertionAlert.getClassSchema())) {
      collectEnums(s, enums, new HashSet<>());
    }
    Set<Class<?>> tabled = new HashSet<>();
    Wording.tables().forEach(t -> tabled.add(t.type()));

    // Then each of them has a table
    assertThat(enums).contains("io.painguard.events.Reason", "io.painguard.events.SelfCare");
    for (String name : enums) {
      assertThat(tabled).as("wording table for " + name).contains(Class.forName(name));
    }
  }

  @Test
  void everySymbolOfEveryTableHasALabelAPersonWouldWrite() {
    Wording.tables()
        .forEach(
            table -> {
              for (Enum<?> symbol : table.type().getEnumConstants()) {
                Wording.Term term = table.terms().get(symbol);
                assertThat(term).as(table.type().getSimpleName() + "." + symbol + " has no label").isNotNull();
                assertThat(term.label())
                    .as(symbol.toString())
                    .isNotBlank()
                    .doesNotContain("_")
                    .matches("[A-Z].*");
                assertThat(term.inSentence()).as(symbol.toString()).isNotBlank().doesNotContain("_");
              }
            });
  }

  @Test
  void labelsAreTheWordsTheIssueAskedFor() {
    assertThat(Wording.label(ActivityType.HIIT)).isEqualTo("HIIT");
    assertThat(Wording.label(ActivityType.RUNNING)).isEqualTo("Running");
    assertThat(Wording.label(SelfCare.OTC_PAIN_RELIEF)).isEqualTo("Over-the-counter pain relief");
    assertThat(Words.of(SelfCare.OTC_PAIN_RELIEF)).isEqualTo("over-the-counter pain relief");
    assertThat(Words.capitalize(Words.of(ActivityType.HIIT))).isEqualTo("HIIT");
    assertThat(Wording.pain(5)).isEqualTo("Moderate pain (5/10)");
    assertThat(Wording.pain(0)).isEqualTo("No pain");
    assertThat(Wording.label(null)).isNull();
  }

  @Test
  void theServedTableHasEverySectionAndTheExtras() {
    Map<String, Map<String, String>> served =
        Wording.asJson(Map.of("needs", Map.of("OK", "OK")));

    assertThat(served)
        .containsKeys("activities", "selfCare", "severities", "reasons", "alertStates", "bodyRegions", "painBands", "needs");
    assertThat(served.get("activities")).containsEntry("HIIT", "HIIT").hasSize(ActivityType.values().length);
    assertThat(served.get("selfCare")).containsEntry("OTC_PAIN_RELIEF", "Over-the-counter pain relief");
  }

  private static void collectEnums(Schema s, Set<String> out, Set<String> seen) {
    switch (s.getType()) {
      case ENUM -> out.add(s.getFullName());
      case RECORD -> {
        if (seen.add(s.getFullName())) {
          for (Schema.Field f : s.getFields()) {
            collectEnums(f.schema(), out, seen);
          }
        }
      }
      case UNION -> new ArrayList<>(s.getTypes()).forEach(t -> collectEnums(t, out, seen));
      case ARRAY -> collectEnums(s.getElementType(), out, seen);
      case MAP -> collectEnums(s.getValueType(), out, seen);
      default -> {}
    }
  }
}
