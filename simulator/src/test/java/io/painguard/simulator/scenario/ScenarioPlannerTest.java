package io.painguard.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.DeviceSource;
import io.painguard.events.Movement;
import io.painguard.events.PainReport;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.MalformedKind;
import io.painguard.simulator.physiology.Physiology;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioPlannerTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final long T0 = START.toEpochMilli();

  private static Scenario scenario(String yaml) {
    return ScenarioParser.parse("test.yaml", "t", yaml);
  }

  private static final String RUN = """
      athletes:
        - id: r1
          profile: {birthYear: 1988, restingHeartRate: 60, maxHeartRate: 180, coachId: c1}
          activities:
            - {activity: WALKING, duration: 1m, intensity: 30}
            - {activity: RUNNING, duration: 5m, intensity: 80, devices: [CHEST_STRAP, TREADMILL]}
            - pause: 2m
            - {activity: REST, duration: 10m, sampleEvery: 1m}
          painReports:
            - {at: 30s, level: 5, triggers: [RUNNING]}
            - {at: 2m, level: 6, delay: 3m}
      """;

  @Test
  void profileComesFirstThenOneSamplePerDevicePerSecond() {
    ScenarioPlan plan = new ScenarioPlanner().plan(scenario(RUN), START, 0);
    List<PlannedRecord> records = plan.records();

    PlannedRecord first = records.get(0);
    assertThat(first.topic()).isEqualTo(InputTopic.PROFILE);
    assertThat(first.value()).isEqualTo(new AthleteProfile("r1", START, 1988, 60, 180, "c1"));

    // walking: 60 x wrist; running: 300 x (chest strap + treadmill); pause: none; rest: 10 x wrist
    assertThat(plan.countsByTopic()).containsEntry(InputTopic.ACTIVITY, 60 + 600 + 10).containsEntry(InputTopic.PAIN, 2);
    List<ActivityEvent> samples = samples(plan);
    assertThat(samples).allSatisfy(e -> assertThat(e.getAthleteId()).isEqualTo("r1"));
    assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo("r1"));
    Set<String> ids = new HashSet<>();
    samples.forEach(e -> assertThat(ids.add(e.getEventId())).as("unique id " + e.getEventId()).isTrue());

    List<ActivityEvent> treadmill = samples.stream().filter(e -> e.getSource() == DeviceSource.TREADMILL).toList();
    assertThat(treadmill).hasSize(300).allSatisfy(e -> {
      assertThat(e.getHeartRateBpm()).isNull();
      assertThat(e.getActivityType()).isEqualTo(ActivityType.RUNNING);
    });
    assertThat(treadmill.get(0).getTimestamp()).isEqualTo(START.plusSeconds(60));
    assertThat(treadmill.get(299).getTimestamp()).isEqualTo(START.plusSeconds(359));
    // rest after the 2 min pause, one sample a minute
    List<ActivityEvent> rest = samples.stream().filter(e -> e.getActivityType() == ActivityType.REST).toList();
    assertThat(rest.get(0).getTimestamp()).isEqualTo(START.plusSeconds(480));
    assertThat(rest.get(1).getTimestamp()).isEqualTo(START.plusSeconds(540));
  }

  @Test
  void heartRateFollowsTheWorkloadWithALag() {
    ScenarioPlan plan = new ScenarioPlanner().plan(scenario(RUN), START, 0);
    List<ActivityEvent> chest = samples(plan).stream().filter(e -> e.getSource() == DeviceSource.CHEST_STRAP).toList();
    Physiology body = new Physiology(1988, 60, 180, 250);
    double target = body.targetHeartRate(0.8); // 156 bpm
    // the run starts from a walking heart rate, well below the target...
    assertThat(chest.get(0).getHeartRateBpm()).isLessThan(110);
    // ... is more than half way after 30 s and within 3 bpm after 3 minutes
    assertThat(chest.get(30).getHeartRateBpm()).isBetween(125, 140);
    assertThat((double) chest.get(180).getHeartRateBpm()).isEqualTo(target, within(3.5));
    // after the pause the heart has come down a long way, but not all the way to rest
    ActivityEvent firstRest = samples(plan).stream().filter(e -> e.getActivityType() == ActivityType.REST).findFirst().orElseThrow();
    assertThat(firstRest.getHeartRateBpm()).isBetween(65, 100);
  }

  @Test
  void lateReportsAreDeliveredAfterLaterSamples() {
    ScenarioPlan plan = new ScenarioPlanner().plan(scenario(RUN), START, 0);
    List<PlannedRecord> records = plan.records();
    int lateIndex = -1;
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).value() instanceof PainReport p && p.getLevel() == 6) {
        lateIndex = i;
      }
    }
    PlannedRecord late = records.get(lateIndex);
    assertThat(late.eventTimeMillis()).isEqualTo(T0 + 120_000);
    assertThat(late.deliverOffsetMillis()).isEqualTo(300_000);
    assertThat(late.isLate(T0)).isTrue();
    // everything before it in delivery order includes samples with later event times
    assertThat(records.subList(0, lateIndex)).anySatisfy(r -> assertThat(r.eventTimeMillis()).isGreaterThan(late.eventTimeMillis() + 60_000));
    // delivery order never goes backwards
    for (int i = 1; i < records.size(); i++) {
      assertThat(records.get(i).deliverOffsetMillis()).isGreaterThanOrEqualTo(records.get(i - 1).deliverOffsetMillis());
    }
    PainReport onTime = (PainReport) records.stream().filter(r -> r.value() instanceof PainReport).findFirst().orElseThrow().value();
    assertThat(onTime.getReportId()).isEqualTo("r1-pain-" + (T0 + 30_000));
    assertThat(onTime.getTriggers()).containsExactly(Movement.RUNNING);
  }

  @Test
  void malformedKindsBreakWhatTheyPromise() {
    Scenario s = scenario("""
        athletes:
          - id: m1
            malformed:
              - {at: 1s, kind: KEY_MISMATCH}
              - {at: 2s, kind: HEART_RATE_OUT_OF_RANGE}
              - {at: 3s, kind: PAIN_LEVEL_OUT_OF_RANGE}
              - {at: 4s, kind: FUTURE_TIMESTAMP, topic: profile}
              - {at: 5s, kind: WRONG_MAGIC_BYTE, count: 3}
        """);
    List<PlannedRecord> records = new ScenarioPlanner().plan(s, START, 0).records();
    assertThat(records).hasSize(7).allSatisfy(r -> {
      assertThat(r.malformation()).isNotNull();
      assertThat(r.key()).isEqualTo("m1");
    });
    assertThat(((ActivityEvent) records.get(0).value()).getAthleteId()).isEqualTo("m1-not-the-key");
    assertThat(((ActivityEvent) records.get(1).value()).getHeartRateBpm()).isEqualTo(300);
    assertThat(((PainReport) records.get(2).value()).getLevel()).isEqualTo(12);
    assertThat(records.get(2).topic()).isEqualTo(InputTopic.PAIN);
    AthleteProfile future = (AthleteProfile) records.get(3).value();
    assertThat(future.getUpdatedAt()).isEqualTo(START.plusSeconds(4).plus(ScenarioPlanner.FUTURE_SKEW));
    assertThat(records.subList(4, 7)).extracting(PlannedRecord::deliverOffsetMillis).containsExactly(5000L, 6000L, 7000L);
    assertThat(records.get(4).malformation()).isEqualTo(MalformedKind.WRONG_MAGIC_BYTE);
  }

  @Test
  void plansAreDeterministicAndLoopPassesGetFreshIds() {
    Scenario s = scenario(RUN);
    ScenarioPlanner planner = new ScenarioPlanner();
    assertThat(planner.plan(s, START, 0)).isEqualTo(planner.plan(s, START, 0));
    ScenarioPlan second = planner.plan(s, START.plusSeconds(3600), 1);
    Set<String> firstIds = new HashSet<>();
    samples(planner.plan(s, START, 0)).forEach(e -> firstIds.add(e.getEventId()));
    assertThat(samples(second)).noneSatisfy(e -> assertThat(firstIds).contains(e.getEventId()));
  }

  @Test
  void anotherSeedChangesTheNoiseButNotTheScript() {
    Scenario s = scenario(RUN);
    ScenarioPlanner planner = new ScenarioPlanner();
    List<ActivityEvent> a = samples(planner.plan(s, START, 0));
    List<ActivityEvent> b = samples(planner.plan(s.withSeed(5), START, 0));
    assertThat(b).hasSameSizeAs(a);
    assertThat(b).extracting(ActivityEvent::getEventId).isEqualTo(a.stream().map(ActivityEvent::getEventId).toList());
    assertThat(b).extracting(ActivityEvent::getHeartRateBpm).isNotEqualTo(a.stream().map(ActivityEvent::getHeartRateBpm).toList());
  }

  @Test
  void anAthleteWithoutProfileGetsADefaultBodyAndNoProfileRecord() {
    Scenario s = scenario("""
        athletes:
          - id: anon
            activities: [{activity: WALKING, duration: 10s}]
        """);
    ScenarioPlan plan = new ScenarioPlanner().plan(s, START, 0);
    assertThat(plan.countsByTopic()).doesNotContainKey(InputTopic.PROFILE);
    Physiology body = ScenarioPlanner.physiologyOf(null, START);
    assertThat(body.birthYear()).isEqualTo(1990);
    assertThat(body.restingHeartRate()).isEqualTo(60);
    assertThat(body.maxHeartRate()).isEqualTo(208 - (int) Math.round(0.7 * 36));
  }

  private static List<ActivityEvent> samples(ScenarioPlan plan) {
    return plan.records().stream()
        .filter(r -> r.malformation() == null && r.value() instanceof ActivityEvent)
        .map(r -> (ActivityEvent) r.value())
        .toList();
  }
}
