package io.painguard.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.AlertState;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShippedScenariosTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void everyShippedScenarioParsesAndPlansRecords() {
    List<String> names = ScenarioCatalog.names();
    assertThat(names).hasSizeGreaterThanOrEqualTo(14).contains("demo");
    for (String name : names) {
      Scenario s = ScenarioCatalog.shipped(name);
      assertThat(s.name()).as("name of %s", name).isEqualTo(name);
      assertThat(s.description()).as("description of %s", name).isNotBlank();
      assertThat(s.expect()).as("expectations of %s", name).isNotEmpty();
      ScenarioPlan plan = new ScenarioPlanner().plan(s, START, 0);
      assertThat(plan.countsByTopic().getOrDefault(InputTopic.ACTIVITY, 0)).as("samples of %s", name).isPositive();
    }
  }

  @Test
  void everyYamlFileInTheDirectoryIsInTheIndex() throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getClassLoader().getResource("scenarios/INDEX").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> onDisk = files.map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .map(f -> f.substring(0, f.length() - 5))
          .collect(Collectors.toSet());
      assertThat(onDisk).containsExactlyInAnyOrderElementsOf(ScenarioCatalog.names());
    }
  }

  @Test
  void theShippedScenariosCoverEveryDetectionBehaviour() {
    Set<Reason> reasons = EnumSet.noneOf(Reason.class);
    Set<Severity> severities = EnumSet.noneOf(Severity.class);
    Set<AlertState> states = EnumSet.noneOf(AlertState.class);
    boolean noAlert = false;
    boolean lateReport = false;
    Set<MalformedKind> malformed = EnumSet.noneOf(MalformedKind.class);
    for (String name : ScenarioCatalog.names()) {
      Scenario s = ScenarioCatalog.shipped(name);
      for (Expectation e : s.expect()) {
        reasons.addAll(e.reasons());
        if (e.severity() != null) {
          severities.add(e.severity());
        }
        if (e.state() != null) {
          states.add(e.state());
        }
        noAlert |= e.none();
      }
      for (AthleteScript a : s.athletes()) {
        lateReport |= a.painReports().stream().anyMatch(p -> !p.delay().isZero());
        a.malformed().forEach(m -> malformed.add(m.kind()));
      }
    }
    assertThat(reasons).containsAll(EnumSet.complementOf(EnumSet.of(Reason.UNKNOWN)));
    assertThat(severities).containsAll(EnumSet.complementOf(EnumSet.of(Severity.UNKNOWN)));
    assertThat(states).containsAll(EnumSet.complementOf(EnumSet.of(AlertState.UNKNOWN)));
    assertThat(noAlert).isTrue();
    assertThat(lateReport).isTrue();
    assertThat(malformed).containsExactlyInAnyOrder(MalformedKind.values());
  }

  @Test
  void theDemoMixesAthletesAndEndsEveryEpisodeSoItCanLoop() {
    Scenario demo = ScenarioCatalog.shipped("demo");
    assertThat(demo.athletes()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(demo.timeMode()).isEqualTo(TimeMode.REALTIME);
    for (AthleteScript a : demo.athletes()) {
      if (!a.painReports().isEmpty()) {
        PainReportSpec last = a.painReports().stream().max((x, y) -> x.at().compareTo(y.at())).orElseThrow();
        assertThat(last.level()).as("last report of %s", a.id()).isZero();
      }
    }
  }

  @Test
  void theInactivityScenarioCoversMoreThanADayAndEndsBeforeNow() {
    Scenario s = ScenarioCatalog.shipped("prolonged-inactivity");
    Instant now = Instant.parse("2026-03-01T08:00:00Z");
    Instant start = s.start().resolve(now);
    assertThat(s.eventSpan().toHours()).isGreaterThanOrEqualTo(25);
    assertThat(start.plus(s.eventSpan())).isBefore(now);
  }

  @Test
  void resolveFindsShippedNamesThenFiles() throws IOException {
    assertThat(ScenarioCatalog.resolve("spike-only").name()).isEqualTo("spike-only");
    assertThat(ScenarioCatalog.resolve("spike-only.yaml").name()).isEqualTo("spike-only");
    Path file = Files.createTempFile("scenario", ".yaml");
    try {
      Files.writeString(file, "athletes:\n  - id: z\n    activities: [{activity: YOGA, duration: 1m}]\n");
      assertThat(ScenarioCatalog.resolve(file.toString()).athletes().get(0).id()).isEqualTo("z");
    } finally {
      Files.delete(file);
    }
    assertThatThrownBy(() -> ScenarioCatalog.resolve("no-such-scenario"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("neither a shipped scenario")
        .hasMessageContaining("demo");
  }

  @Test
  void theDocumentedExampleParses() throws IOException {
    String doc = Files.readString(Path.of("SCENARIOS.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));
    Scenario s = ScenarioParser.parse("SCENARIOS.md", "example", yaml);
    assertThat(s.athletes()).hasSize(2);
    assertThat(new ScenarioPlanner().plan(s, START, 0).records()).isNotEmpty();
  }
}
