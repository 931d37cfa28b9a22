package io.painguard.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.BodyRegion;
import io.painguard.events.DeviceSource;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioParserTest {

  private static final String FULL = """
      name: everything
      description: Every field once.
      timeMode: realtime
      speedup: 4
      start: 2025-03-01T08:00:00Z
      loop: true
      seed: 99
      athletes:
        - id: a1
          profile:
            birthYear: 1988
            restingHeartRate: 58
            maxHeartRate: 184
            coachId: coach-ana
            peakPower: 300
            publish: false
          activities:
            - activity: running
              duration: 6m
              devices: [CHEST_STRAP, TREADMILL]
              intensity: {from: 60, to: 85}
              trunkFlexion: 20
              heartRate: 150
              sampleEvery: 2s
              delay: 10s
            - pause: 1m
            - {activity: WALKING, duration: 90, intensity: "35%"}
          painReports:
            - at: 30s
              level: 5
              region: HIP
              onset: DURING_ACTIVITY
              sensations: [ACHING, PINS_AND_NEEDLES]
              radiatesTo: LEFT_LEG
              triggers: [LIFTING, BENDING]
              redFlags: [FEVER]
              note: hello
              delay: 3m
              id: r-1
          malformed:
            - {at: 1m, kind: TRUNCATED_AVRO, topic: pain, count: 3}
            - {at: 2m, kind: HEART_RATE_OUT_OF_RANGE}
      expect:
        - {athlete: a1, state: RAISED, severity: REDUCE_INTENSITY, reasons: [SUSTAINED_HIGH_INTENSITY]}
        - {athlete: a1, none: true}
      """;

  private static Scenario parse(String yaml) {
    return ScenarioParser.parse("test.yaml", "fallback", yaml);
  }

  private static ScenarioException error(String yaml) {
    try {
      parse(yaml);
    } catch (ScenarioException e) {
      return e;
    }
    throw new AssertionError("expected a ScenarioException");
  }

  @Test
  void readsEveryField() {
    Scenario s = parse(FULL);
    assertThat(s.name()).isEqualTo("everything");
    assertThat(s.description()).isEqualTo("Every field once.");
    assertThat(s.timeMode()).isEqualTo(TimeMode.REALTIME);
    assertThat(s.speedup()).isEqualTo(4.0);
    assertThat(s.start().resolve(Instant.EPOCH)).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(s.loop()).isTrue();
    assertThat(s.seed()).isEqualTo(99L);

    AthleteScript a = s.athletes().get(0);
    assertThat(a.id()).isEqualTo("a1");
    assertThat(a.profile()).isEqualTo(new ProfileSpec(1988, 58, 184, "coach-ana", 300, false));

    Segment run = a.activities().get(0);
    assertThat(run.activity()).isEqualTo(ActivityType.RUNNING);
    assertThat(run.duration()).isEqualTo(Duration.ofMinutes(6));
    assertThat(run.devices()).containsExactly(DeviceSource.CHEST_STRAP, DeviceSource.TREADMILL);
    assertThat(run.intensity()).isEqualTo(new Intensity(60, 85));
    assertThat(run.trunkFlexion()).isEqualTo(20.0);
    assertThat(run.heartRate()).isEqualTo(150);
    assertThat(run.sampleEvery()).isEqualTo(Duration.ofSeconds(2));
    assertThat(run.delay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(a.activities().get(1).isPause()).isTrue();
    assertThat(a.activities().get(1).length()).isEqualTo(Duration.ofMinutes(1));
    Segment walk = a.activities().get(2);
    assertThat(walk.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(walk.intensity()).isEqualTo(Intensity.constant(35));
    assertThat(walk.effectiveDevices()).containsExactly(DeviceSource.WRIST_WEARABLE);

    PainReportSpec p = a.painReports().get(0);
    assertThat(p.at()).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.level()).isEqualTo(5);
    assertThat(p.region()).isEqualTo(BodyRegion.HIP);
    assertThat(p.onset()).isEqualTo(PainOnset.DURING_ACTIVITY);
    assertThat(p.sensations()).containsExactly(PainSensation.ACHING, PainSensation.PINS_AND_NEEDLES);
    assertThat(p.radiatesTo()).containsExactly(Limb.LEFT_LEG);
    assertThat(p.triggers()).containsExactly(Movement.LIFTING, Movement.BENDING);
    assertThat(p.redFlags()).containsExactly(RedFlag.FEVER);
    assertThat(p.note()).isEqualTo("hello");
    assertThat(p.delay()).isEqualTo(Duration.ofMinutes(3));
    assertThat(p.id()).isEqualTo("r-1");

    assertThat(a.malformed()).containsExactly(
        new MalformedSpec(Duration.ofMinutes(1), MalformedKind.TRUNCATED_AVRO, InputTopic.PAIN, 3),
        new MalformedSpec(Duration.ofMinutes(2), MalformedKind.HEART_RATE_OUT_OF_RANGE, null, 1));
    assertThat(a.malformed().get(1).effectiveTopic()).isEqualTo(InputTopic.ACTIVITY);

    assertThat(s.expect()).containsExactly(
        new Expectation("a1", AlertState.RAISED, Severity.REDUCE_INTENSITY, List.of(Reason.SUSTAINED_HIGH_INTENSITY), false),
        new Expectation("a1", null, null, List.of(), true));
    assertThat(a.timelineLength()).isEqualTo(Duration.ofSeconds(6 * 60 + 60 + 90));
  }

  @Test
  void appliesDefaults() {
    Scenario s = parse("""
        athletes:
          - id: a
            activities:
              - {activity: CYCLING, duration: 1m}
            painReports:
              - {at: 0s, level: 3}
        """);
    assertThat(s.name()).isEqualTo("fallback");
    assertThat(s.timeMode()).isEqualTo(TimeMode.COMPRESSED);
    assertThat(s.speedup()).isEqualTo(Scenario.DEFAULT_SPEEDUP);
    assertThat(s.start()).isEqualTo(StartTime.NOW);
    assertThat(s.loop()).isFalse();
    Segment ride = s.athletes().get(0).activities().get(0);
    assertThat(ride.effectiveDevices()).containsExactly(DeviceSource.WRIST_WEARABLE, DeviceSource.STATIONARY_BIKE);
    assertThat(ride.effectiveIntensity()).isEqualTo(Intensity.constant(55));
    assertThat(ride.sampleEvery()).isEqualTo(Duration.ofSeconds(1));
    PainReportSpec p = s.athletes().get(0).painReports().get(0);
    assertThat(p.region()).isEqualTo(BodyRegion.LOWER_BACK);
    assertThat(p.onset()).isEqualTo(PainOnset.UNKNOWN);
    assertThat(p.delay()).isZero();
  }

  @Test
  void unknownFieldNamesLineFieldAndTheKnownOnes() {
    ScenarioException e = error("""
        athletes:
          - id: a
            activities:
              - {activity: WALKING, duration: 1m}
            painReports:
              - at: 10s
                levle: 4
        """);
    assertThat(e.getMessage()).startsWith("test.yaml, line 7, field athletes[0].painReports[0].levle: unknown field 'levle'");
    assertThat(e.getMessage()).contains("level", "sensations");
    assertThat(e.line()).isEqualTo(7);
  }

  @Test
  void badEnumValueListsTheAcceptedOnes() {
    ScenarioException e = error("""
        athletes:
          - id: a
            activities:
              - activity: JOGGING
                duration: 1m
        """);
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.field()).isEqualTo("athletes[0].activities[0].activity");
    assertThat(e.getMessage()).contains("'JOGGING' is not one of", "RUNNING", "WALKING");
  }

  @Test
  void outOfRangePainLevelNamesItsLine() {
    ScenarioException e = error("""
        athletes:
          - id: a
            activities:
              - {activity: WALKING, duration: 1m}
            painReports:
              - at: 10s
                level: 4
              - at: 20s
                sensations: [SHARP]
                level: 12
        """);
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.field()).isEqualTo("athletes[0].painReports[1].level");
    assertThat(e.getMessage()).contains("pain level must be between 0 and 10, was 12");
  }

  @Test
  void missingRequiredFieldsAreNamed() {
    ScenarioException noLevel = error("""
        athletes:
          - id: a
            painReports:
              - at: 10s
        """);
    assertThat(noLevel.field()).isEqualTo("athletes[0].painReports[0].level");
    assertThat(noLevel.line()).isEqualTo(4);
    assertThat(noLevel.getMessage()).contains("needs a 'level'");

    ScenarioException noDuration = error("""
        athletes:
          - id: a
            activities:
              - activity: WALKING
        """);
    assertThat(noDuration.field()).isEqualTo("athletes[0].activities[0].duration");
    assertThat(noDuration.line()).isEqualTo(4);

    ScenarioException noId = error("""
        athletes:
          - activities:
              - {activity: WALKING, duration: 1m}
        """);
    assertThat(noId.field()).isEqualTo("athletes[0].id");
    assertThat(noId.line()).isEqualTo(2);

    assertThat(error("name: x\n").getMessage()).contains("at least one athlete");
  }

  @Test
  void badValuesOfTheFilesOwnTypesFailAtTheirLine() {
    ScenarioException duration = error("""
        athletes:
          - id: a
            activities:
              - {activity: WALKING, duration: 5 minutes}
        """);
    assertThat(duration.line()).isEqualTo(4);
    assertThat(duration.field()).isEqualTo("athletes[0].activities[0].duration");
    assertThat(duration.getMessage()).contains("expected a duration like 90s");

    ScenarioException intensity = error("""
        athletes:
          - id: a
            activities:
              - activity: WALKING
                duration: 1m
                intensity: {from: 50, upto: 60}
        """);
    assertThat(intensity.line()).isEqualTo(6);
    assertThat(intensity.getMessage()).contains("unknown field 'upto' in intensity");

    ScenarioException range = error("""
        athletes:
          - id: a
            activities:
              - activity: WALKING
                duration: 1m
                intensity: 140
        """);
    assertThat(range.line()).isEqualTo(6);
    assertThat(range.getMessage()).contains("between 0 and 100");

    ScenarioException mode = error("timeMode: slow\nathletes: []\n");
    assertThat(mode.line()).isEqualTo(1);
    assertThat(mode.field()).isEqualTo("timeMode");
    assertThat(mode.getMessage()).contains("realtime, compressed or asFastAsPossible");

    ScenarioException start = error("start: yesterday\nathletes: []\n");
    assertThat(start.field()).isEqualTo("start");
    assertThat(start.getMessage()).contains("ISO-8601");

    ScenarioException number = error("""
        athletes:
          - id: a
            profile: {restingHeartRate: fast}
            activities:
              - {activity: WALKING, duration: 1m}
        """);
    assertThat(number.line()).isEqualTo(3);
    assertThat(number.field()).isEqualTo("athletes[0].profile.restingHeartRate");
    assertThat(number.getMessage()).contains("'fast' is not a whole number");
  }

  @Test
  void segmentRulesAreChecked() {
    ScenarioException both = error("""
        athletes:
          - id: a
            activities:
              - {activity: WALKING, duration: 1m, pause: 2m}
        """);
    assertThat(both.field()).isEqualTo("athletes[0].activities[0].pause");
    assertThat(both.getMessage()).contains("either an 'activity'");

    ScenarioException device = error("""
        athletes:
          - id: a
            activities:
              - activity: ROWING
                duration: 1m
                devices:
                  - WRIST_WEARABLE
                  - TREADMILL
        """);
    assertThat(device.field()).isEqualTo("athletes[0].activities[0].devices[1]");
    assertThat(device.line()).isEqualTo(8);
    assertThat(device.getMessage()).contains("a TREADMILL cannot record ROWING");

    ScenarioException spike = error("""
        athletes:
          - id: a
            activities:
              - {activity: WALKING, duration: 10s, heartRate: 300}
        """);
    assertThat(spike.field()).isEqualTo("athletes[0].activities[0].heartRate");
    assertThat(spike.getMessage()).contains("'malformed'");
  }

  @Test
  void crossFieldRulesAreChecked() {
    ScenarioException dup = error("""
        athletes:
          - id: a
            activities: [{activity: WALKING, duration: 1m}]
          - id: a
            activities: [{activity: WALKING, duration: 1m}]
        """);
    assertThat(dup.field()).isEqualTo("athletes[1].id");
    assertThat(dup.line()).isEqualTo(4);
    assertThat(dup.getMessage()).contains("appears twice");

    ScenarioException who = error("""
        athletes:
          - id: a
            activities: [{activity: WALKING, duration: 1m}]
        expect:
          - {athlete: b, none: true}
        """);
    assertThat(who.field()).isEqualTo("expect[0].athlete");
    assertThat(who.line()).isEqualTo(5);

    ScenarioException topic = error("""
        athletes:
          - id: a
            malformed:
              - {at: 1s, kind: PAIN_LEVEL_OUT_OF_RANGE, topic: activity}
        """);
    assertThat(topic.field()).isEqualTo("athletes[0].malformed[0].topic");
    assertThat(topic.getMessage()).contains("only makes sense on topic pain");

    ScenarioException profile = error("""
        athletes:
          - id: a
            profile: {restingHeartRate: 90, maxHeartRate: 120}
            activities: [{activity: WALKING, duration: 1m}]
        """);
    assertThat(profile.field()).isEqualTo("athletes[0].profile.maxHeartRate");
    assertThat(profile.line()).isEqualTo(3);
  }

  @Test
  void syntaxErrorsAndEmptyFilesAreReported() {
    ScenarioException syntax = error("athletes:\n  - id: a\n   bad: [unclosed\n");
    assertThat(syntax.getMessage()).startsWith("test.yaml, line ").contains("YAML syntax error");
    assertThat(syntax.line()).isPositive();

    assertThat(error("").getMessage()).contains("the file is empty");
    assertThat(error("- just\n- a list\n").getMessage()).contains("test.yaml").contains("mapping");
  }

  @Test
  void filesAreNamedInErrorsAndGiveTheDefaultName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my-scenario.yaml");
    Files.writeString(file, "athletes:\n  - id: a\n    activities: [{activity: WALKING, duration: 1m}]\n");
    assertThat(ScenarioParser.parseFile(file).name()).isEqualTo("my-scenario");

    Files.writeString(file, "athletes:\n  - id: a\n    activities: [{activity: WALKING, duration: -1m}]\n");
    assertThatThrownBy(() -> ScenarioParser.parseFile(file))
        .isInstanceOf(ScenarioException.class)
        .hasMessageStartingWith(file + ", line 3, field athletes[0].activities[0].duration");

    assertThatThrownBy(() -> ScenarioParser.parseFile(dir.resolve("missing.yaml")))
        .hasMessageContaining("does not exist");
  }
}
