package io.painguard.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.PainReport;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.physiology.PainCeilings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  private static List<GeneratedRecord> take(LoadGenerator g, int n) {
    List<GeneratedRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(g.next());
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameRecords() {
    List<GeneratedRecord> a = take(new LoadGenerator(LoadSettings.of(500, 42, START)), 20_000);
    List<GeneratedRecord> b = take(new LoadGenerator(LoadSettings.of(500, 42, START)), 20_000);
    List<GeneratedRecord> c = take(new LoadGenerator(LoadSettings.of(500, 43, START)), 20_000);
    assertThat(a).isEqualTo(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void everyAthleteSendsOneSamplePerSecondOfEventTime() {
    LoadGenerator g = new LoadGenerator(LoadSettings.of(100, 1, START));
    Map<String, List<Long>> times = new HashMap<>();
    for (int i = 0; i < 100 * 30 + 200; i++) {
      GeneratedRecord r = g.next();
      assertThat(r.key()).isEqualTo(athleteOf(r));
      if (r.value() instanceof ActivityEvent e) {
        assertThat(r.topic()).isEqualTo(InputTopic.ACTIVITY);
        times.computeIfAbsent(e.getAthleteId(), k -> new ArrayList<>()).add(e.getTimestamp().toEpochMilli());
      }
    }
    assertThat(times).hasSize(100).containsKey("load-000001").containsKey("load-000100");
    for (List<Long> t : times.values()) {
      for (int i = 1; i < Math.min(t.size(), 30); i++) {
        assertThat(t.get(i) - t.get(i - 1)).isEqualTo(1000L);
      }
      assertThat(t.get(0)).isBetween(START.toEpochMilli(), START.toEpochMilli() + 999);
    }
    assertThat(g.round()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void profilesFollowTheConfiguredShareAndSomeLeaveFieldsOut() {
    LoadGenerator g = new LoadGenerator(LoadSettings.of(10_000, 9, START));
    List<AthleteProfile> profiles = new ArrayList<>();
    g.forEachProfile(r -> profiles.add((AthleteProfile) r.value()));
    assertThat(profiles.size()).isEqualTo(g.profileCount()).isBetween(8_800, 9_200);
    assertThat(profiles).anySatisfy(p -> assertThat(p.getMaxHeartRateBpm()).isNull());
    assertThat(profiles).anySatisfy(p -> assertThat(p.getRestingHeartRateBpm()).isNull());
    assertThat(profiles).allSatisfy(p -> {
      assertThat(p.getCoachId()).startsWith("coach-");
      assertThat(p.getBirthYear()).isBetween(1956, 2008);
    });
  }

  @Test
  void painEpisodesOpenRiseAndEndWithTheDomainsStructure() {
    // Given a population where everyone has an episode
    LoadSettings settings = new LoadSettings(300, 5, START, 1.0, 0.5, 0.5, 1.0);
    LoadGenerator g = new LoadGenerator(settings);
    Map<String, List<PainReport>> reports = new HashMap<>();
    // When 100 minutes of event time pass
    for (long i = 0; i < 300L * 6000; i++) {
      GeneratedRecord r = g.next();
      if (r.value() instanceof PainReport p) {
        reports.computeIfAbsent(p.getAthleteId(), k -> new ArrayList<>()).add(p);
      }
    }
    // Then every athlete opened an episode with a level and sensations, and closed it with 0
    assertThat(reports).hasSize(300);
    Set<Integer> openingLevels = new HashSet<>();
    int rises = 0;
    for (List<PainReport> list : reports.values()) {
      PainReport open = list.get(0);
      assertThat(open.getLevel()).isBetween(1, 9);
      assertThat(open.getSensations()).isNotEmpty();
      openingLevels.add(open.getLevel());
      assertThat(list.get(list.size() - 1).getLevel()).isZero();
      if (list.size() == 3) {
        assertThat(list.get(1).getLevel()).isEqualTo(Math.min(10, open.getLevel() + 2));
        rises++;
      }
    }
    assertThat(openingLevels).contains(2, 5, 8);
    assertThat(rises).isBetween(10, 60);
  }

  @Test
  void overexertingAthletesGoAboveTheirCeilingAndCompliersBackOff() {
    LoadSettings settings = new LoadSettings(400, 11, START, 1.0, 1.0, 0.5, 1.0);
    LoadGenerator g = new LoadGenerator(settings);
    AthletePopulation people = g.population();
    int above = 0;
    int backedOff = 0;
    for (long i = 0; i < 400L * 1500; i++) {
      g.next();
      if (i % (400L * 60) == 0 && i > 0) {
        for (int a = 0; a < 400; a++) {
          boolean active = people.activity[a] != ActivityType.REST.ordinal();
          // Only sessions chosen while the (never rising) pain was already known
          long segmentStart = g.round() - people.secondsInSegment[a];
          boolean chosenInPain = segmentStart > people.episodeStart[a] && people.painRise[a] == AthletePopulation.NEVER;
          if (active && chosenInPain && people.painLevel[a] > 0) {
            double ceiling = PainCeilings.ceiling(people.painLevel[a]);
            if (people.intensity[a] > ceiling) {
              above++;
              assertThat(people.has(a, AthletePopulation.COMPLIED)).isFalse();
            } else {
              assertThat(people.has(a, AthletePopulation.COMPLIES)).isTrue();
              backedOff++;
            }
          }
        }
      }
    }
    assertThat(above).isPositive();
    assertThat(backedOff).isPositive();
  }

  @Test
  void aHundredThousandAthletesFitAndGenerateQuickly() {
    LoadGenerator g = new LoadGenerator(LoadSettings.of(100_000, 3, START));
    assertThat(g.athleteCount()).isEqualTo(100_000);
    assertThat(g.athleteId(99_999)).isEqualTo("load-100000");
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 150_000; i++) {
      keys.add(g.next().key());
    }
    assertThat(keys).hasSize(100_000);
    assertThat(g.round()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void nextActivityEventSkipsPainReports() {
    LoadGenerator g = new LoadGenerator(new LoadSettings(50, 2, START, 1.0, 0.5, 0.5, 1.0));
    for (int i = 0; i < 50 * 400; i++) {
      assertThat(g.nextActivityEvent()).isInstanceOf(ActivityEvent.class);
    }
  }

  private static String athleteOf(GeneratedRecord r) {
    return r.value() instanceof ActivityEvent e ? e.getAthleteId() : ((PainReport) r.value()).getAthleteId();
  }
}
