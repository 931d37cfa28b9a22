package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.rules.Arrival;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's cases on the TopologyTestDriver, which processes records in the order they are piped:
 * the arrival order a burst, a phone that was offline or a clock that is off produces. Profile:
 * HRrest 60, HRmax 180 (ceilings 144 / 132 / 120 bpm).
 */
class LatenessAndClocksTopologyTest {

  private static final String ANA = "ana";
  private static final String BO = "bo";

  private final TopologyFixture app = new TopologyFixture();
  private final TopologyFixture ordered = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
    ordered.close();
  }

  @Test
  void aLevelZeroReportArrivingAfterTheRunItPrecedesWithdrawsTheAlertAndSaysWhy() {
    // Given: level 5 at 0, level 0 at 120, then a hard run from 240 -- the level-0 report is late
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 240, 420, RUNNING, 160);
    List<ExertionAlert> before = app.alerts();
    assertThat(before).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED);

    // When
    app.pain(ANA, 120, 0);

    // Then: the alert is withdrawn (stamped with its own time), the athlete has none open, and
    // nothing else is said
    List<ExertionAlert> after = app.alerts();
    assertThat(after).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RESOLVED);
      assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(a.getEventTime()).isEqualTo(before.get(0).getEventTime());
      assertThat(a.getRecommendation().getMessage())
          .startsWith("Withdrawn: a pain report from 2025-03-03T08:02:00Z (level 0) arrived late");
    });
    assertThat(app.status(ANA).openSeverity()).isNull();
    assertThat(app.deadLetters.arrivals().count(Arrival.LATE)).isEqualTo(1);
  }

  @Test
  void aReportTenMinutesLateDuringAHardRunRaisesTheAlertTheOrderedRunRaises() {
    // Given: the phone was offline; the report of 60 s reaches the app after the 10-minute run
    app.profile(ANA);
    app.run(ANA, 0, 660, RUNNING, 160);
    assertThat(app.alerts()).isEmpty();

    // When
    app.pain(ANA, 60, 5);

    // Then: the same alert, with the same id, as when the report arrived in time
    ordered.profile(ANA);
    ordered.run(ANA, 0, 60, RUNNING, 160);
    ordered.pain(ANA, 60, 5);
    ordered.run(ANA, 60, 660, RUNNING, 160);
    List<ExertionAlert> expected = ordered.alerts();
    List<ExertionAlert> late = app.alerts();
    assertThat(expected).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED);
    assertThat(late).extracting(ExertionAlert::getAlertId)
        .containsExactlyElementsOf(expected.stream().map(ExertionAlert::getAlertId).toList());
    assertThat(late.get(0).getEventTime()).isEqualTo(at(119));
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
  }

  @Test
  void aReportAnHourAheadDoesNotFreezeTheAthlete() {
    // Given: records half an hour before the wall clock, and a phone whose clock is an hour ahead
    long base = TopologyFixture.NOW.getEpochSecond() - Events.T0.getEpochSecond() - 1800;
    app.profile(ANA);
    app.run(ANA, base, base + 30, RUNNING, 100);
    app.pain(Events.pain(ANA, at(base + 30 + 3600), 5));

    // When: the correctly timed run goes on, hard
    app.run(ANA, base + 30, base + 200, RUNNING, 160);

    // Then: the report counted from the athlete's own time, and the run is judged against it
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).extracting(ExertionAlert::getSeverity).containsExactly(Severity.REDUCE_INTENSITY);
    assertThat(alerts.get(0).getEventTime()).isBefore(at(base + 200));
    assertThat(app.status(ANA).painLevel()).isEqualTo(5);
    assertThat(app.status(ANA).painReportedAt()).isEqualTo(at(base + 29));
    assertThat(app.deadLetters.arrivals().count(Arrival.AHEAD)).isEqualTo(1);
    assertThat(app.deadLetters.arrivals().count(Arrival.BEYOND_LATENESS)).isZero();
  }

  @Test
  void anAthletesFirstRecordFromAClockAnHourAheadDoesNotFreezeThem() {
    // Given: a new athlete whose phone's first report is stamped an hour ahead of the wall clock
    long base = TopologyFixture.NOW.getEpochSecond() - Events.T0.getEpochSecond() - 600;
    app.profile(ANA);
    app.pain(Events.pain(ANA, at(base + 600 + 3600), 2));

    // When: correctly timed records of the last ten minutes follow: a 5/10 report and a hard run
    app.pain(ANA, base, 5);
    app.run(ANA, base + 10, base + 200, RUNNING, 160);

    // Then: the report ahead counted from the wall clock, not an hour on, and the run is judged
    // (and, the athlete's time being the wall clock, its alert is over 2 min after the run)
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).first().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RAISED);
      assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
      assertThat(a.getEventTime()).isBetween(at(base + 10), at(base + 200));
    });
    assertThat(app.deadLetters.arrivals().count(Arrival.AHEAD)).isEqualTo(1);
    assertThat(app.deadLetters.arrivals().count(Arrival.BEYOND_LATENESS)).isZero();
  }

  @Test
  void aRecordBeyondTheBoundIsCountedAndItsMedicalSignStillAlerts() {
    app.profile(ANA);
    app.pain(ANA, 0, 3);
    app.pain(ANA, 2000, 4);
    app.run(ANA, 2000, 2010, RUNNING, 100);

    app.sample(Events.sample(ANA, at(100), RUNNING, 170));
    app.pain(Events.redFlag(ANA, at(200), 4, RedFlag.FEVER));

    assertThat(app.alerts()).singleElement().satisfies(a -> {
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getEventTime()).isEqualTo(at(200));
    });
    assertThat(app.deadLetters.arrivals().count(Arrival.BEYOND_LATENESS)).isEqualTo(2);
  }

  @Test
  void aReferralStaysOpenWhenTheRunBeforeItArrivesAfterTheReports() {
    // Given: the phone's reports arrive first -- mild pain at 100 s, pain gone at 200 s, fever
    // at 210 s -- so the referral is raised at 210 s before any sample is in
    app.profile(ANA);
    app.pain(ANA, 100, 3);
    app.pain(ANA, 200, 0);
    app.pain(Events.redFlag(ANA, at(210), 3, RedFlag.FEVER));
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);

    // When: the watch syncs the hard run of 0-200 s, every sample late; the re-run finds an
    // effort alert at 100 s that the level-0 report of 200 s closed, before the referral
    app.run(ANA, 0, 200, RUNNING, 160);

    // Then: as in the ordered run -- the referral is open at the end, its alert emitted with the
    // same id, and no referral dated before the report that carries the fever
    ordered.profile(ANA);
    ordered.run(ANA, 0, 100, RUNNING, 160);
    ordered.pain(ANA, 100, 3);
    ordered.run(ANA, 100, 200, RUNNING, 160);
    ordered.pain(ANA, 200, 0);
    ordered.pain(Events.redFlag(ANA, at(210), 3, RedFlag.FEVER));
    List<ExertionAlert> expected = ordered.alerts();
    List<ExertionAlert> late = app.alerts();
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    // (the fever report of 210 s, 3/10 ten seconds after 0/10 while still running, is also pain
    // rising during activity: a STOP of the effort lifecycle beside the referral)
    assertThat(expected).extracting(ExertionAlert::getSeverity)
        .containsExactly(
            Severity.REDUCE_INTENSITY,
            Severity.REDUCE_INTENSITY,
            Severity.SEEK_MEDICAL_ATTENTION,
            Severity.STOP_ACTIVITY);
    assertThat(late).extracting(ExertionAlert::getAlertId)
        .containsAll(expected.stream().map(ExertionAlert::getAlertId).toList());
    assertThat(late)
        .filteredOn(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION && a.getState() != AlertState.RESOLVED)
        .allSatisfy(a -> assertThat(a.getEventTime()).isEqualTo(at(210)));
  }

  @Test
  void aLateReportThatKeepsAnAlertOpenPastItsResolutionRestatesTheAlertItself() {
    // Given: moderate pain (4/10) at 0 s, hard running 0-100 s, then easier running (125 bpm,
    // under the 132 bpm ceiling) until 400 s: the alert raised in the first minute was resolved
    // two minutes after the hard part
    app.profile(ANA);
    app.pain(ANA, 0, 4);
    app.run(ANA, 0, 100, RUNNING, 160);
    app.run(ANA, 100, 400, RUNNING, 125);
    List<ExertionAlert> seen = app.alerts();
    assertThat(seen).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED, AlertState.RESOLVED);

    // When: a report of 150 s arrives late: still 4/10, and running brings the pain on -- so the
    // alert never was over while the athlete ran; then time moves on (another athlete at 600 s)
    app.pain(Events.pain(ANA, at(150), 4, Movement.RUNNING));
    app.sample(Events.sample("bo", at(600), RUNNING, 90));

    // Then: the alert in force is stated again as it was (same id, same time) -- not as a new
    // alert dated at the late report, which no ordered run has and nothing would withdraw -- and
    // it is resolved when the ordered run resolves it
    ordered.profile(ANA);
    ordered.pain(ANA, 0, 4);
    ordered.run(ANA, 0, 100, RUNNING, 160);
    ordered.run(ANA, 100, 150, RUNNING, 125);
    ordered.pain(Events.pain(ANA, at(150), 4, Movement.RUNNING));
    ordered.run(ANA, 150, 400, RUNNING, 125);
    ordered.sample(Events.sample("bo", at(600), RUNNING, 90));
    List<ExertionAlert> expected = ordered.alerts();
    List<ExertionAlert> after = app.alerts();
    assertThat(expected).extracting(ExertionAlert::getState).containsExactly(AlertState.RAISED, AlertState.RESOLVED);
    assertThat(after).extracting(ExertionAlert::getAlertId)
        .containsExactly(seen.get(0).getAlertId(), expected.get(1).getAlertId());
    assertThat(expected.get(0).getAlertId()).isEqualTo(seen.get(0).getAlertId());
    assertThat(app.status(ANA).openSeverity()).isNull();
  }

  @Test
  void aFeverReportedAgainWithinTheCooldownIsReferredAtOnceInOrderAndLate() {
    // Given: fever at 0 s (referred), pain gone at 60 s (the referral closes), walking 0-300 s
    app.profile(ANA);
    app.pain(Events.redFlag(ANA, at(0), 3, RedFlag.FEVER));
    app.pain(ANA, 60, 0);
    app.run(ANA, 0, 300, WALKING, 90);
    assertThat(app.alerts()).extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED, AlertState.RESOLVED);

    // When: the phone, offline for a while, delivers a report of 120 s: the fever is back --
    // two minutes after the first referral, well within the 15-minute cooldown
    app.pain(Events.redFlag(ANA, at(120), 3, RedFlag.FEVER));

    // Then: a referral naming it at once, stamped 120 s, open at the end; the same alert, with the
    // same id, as when the report arrives in time
    ordered.profile(ANA);
    ordered.pain(Events.redFlag(ANA, at(0), 3, RedFlag.FEVER));
    ordered.run(ANA, 0, 60, WALKING, 90);
    ordered.pain(ANA, 60, 0);
    ordered.run(ANA, 60, 120, WALKING, 90);
    ordered.pain(Events.redFlag(ANA, at(120), 3, RedFlag.FEVER));
    ordered.run(ANA, 120, 300, WALKING, 90);
    List<ExertionAlert> expected = ordered.alerts();
    // (the report of 120 s also says the pain rose from 0 to 3 while walking: an effort alert of
    // its own, in both runs)
    assertThat(expected).extracting(ExertionAlert::getState, ExertionAlert::getSeverity)
        .containsExactly(
            tuple(AlertState.RAISED, Severity.SEEK_MEDICAL_ATTENTION),
            tuple(AlertState.RESOLVED, Severity.SEEK_MEDICAL_ATTENTION),
            tuple(AlertState.RAISED, Severity.SEEK_MEDICAL_ATTENTION),
            tuple(AlertState.RAISED, Severity.STOP_ACTIVITY));
    List<ExertionAlert> late = app.alerts();
    assertThat(late).extracting(ExertionAlert::getAlertId)
        .containsExactly(expected.get(2).getAlertId(), expected.get(3).getAlertId());
    assertThat(late).first().satisfies(a -> {
      assertThat(a.getAlertId()).isEqualTo(expected.get(2).getAlertId());
      assertThat(a.getSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
      assertThat(a.getReasons()).contains(Reason.MEDICAL_RED_FLAG);
      assertThat(a.getEventTime()).isEqualTo(at(120));
    });
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(ordered.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
  }

  @Test
  void aRecordBehindASweepThatRanAheadOfItsAthleteIsJudgedBeforeThatSweep() {
    // Given: moderate pain (5/10) at 0 s and a hard run 0-100 s (alert raised); then Ana's
    // phone lags while Bo's watch carries the task's stream time to 400 s, and the sweeps
    // resolve Ana's alert at 220 s, ahead of her own newest record (99 s)
    app.profile(ANA);
    app.pain(ANA, 0, 5);
    app.run(ANA, 0, 100, RUNNING, 160);
    app.run(BO, 100, 400, WALKING, 90);
    assertThat(app.alerts()).extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED, AlertState.RESOLVED);

    // When: Ana's report of 150 s arrives -- in order for her (after 99 s), but behind the sweep:
    // severe pain (8/10) just after a hard effort
    app.pain(ANA, 150, 8);

    // Then: judged where it belongs, before the sweep's resolution: the alert escalates at 150 s
    // as in the ordered run (same id), rather than a fresh alert being raised after it closed;
    // and once the next sweep has run, it is resolved as the ordered run resolves it
    ordered.profile(ANA);
    ordered.pain(ANA, 0, 5);
    ordered.run(ANA, 0, 100, RUNNING, 160);
    ordered.run(BO, 100, 150, WALKING, 90);
    ordered.pain(ANA, 150, 8);
    ordered.run(BO, 150, 470, WALKING, 90);
    List<ExertionAlert> expected = ordered.alerts();
    assertThat(expected).extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED, AlertState.ESCALATED, AlertState.RESOLVED);
    assertThat(expected.get(1).getEventTime()).isEqualTo(at(150));
    assertThat(app.alerts()).extracting(ExertionAlert::getAlertId)
        .containsExactly(expected.get(1).getAlertId());
    app.run(BO, 400, 470, WALKING, 90);
    assertThat(app.alerts()).extracting(ExertionAlert::getAlertId)
        .containsExactly(expected.get(2).getAlertId());
    assertThat(app.status(ANA).openSeverity()).isNull();
  }

  @Test
  void lateSamplesBeforeAFeverReportDoNotHideItsReferral() {
    // Given: the reports arrive first -- numbness at 10 s (referred), a report without any sign at
    // 40 s, fever at 180 s (the referral of 10 s is still open when it is applied)
    app.profile(ANA);
    app.pain(Events.radiculopathy(ANA, at(10), 5, PainSensation.NUMBNESS));
    app.pain(ANA, 40, 5);
    app.pain(Events.redFlag(ANA, at(180), 5, RedFlag.FEVER));

    // When: the watch syncs a quiet walk of 0-175 s, every sample late
    app.run(ANA, 0, 175, WALKING, 90);

    // Then: the alerts of the ordered run, with their ids -- among them the referral naming the
    // fever at 180 s -- and the same referral open at the end. (Re-judging from each late sample
    // used to keep the conditions held at 180 s as "held just before", so the sign of 10 s kept
    // "ending" at every sample and the fever was never referred on its own.)
    ordered.profile(ANA);
    ordered.run(ANA, 0, 10, WALKING, 90);
    ordered.pain(Events.radiculopathy(ANA, at(10), 5, PainSensation.NUMBNESS));
    ordered.run(ANA, 10, 40, WALKING, 90);
    ordered.pain(ANA, 40, 5);
    ordered.run(ANA, 40, 175, WALKING, 90);
    ordered.pain(Events.redFlag(ANA, at(180), 5, RedFlag.FEVER));
    List<ExertionAlert> expected = ordered.alerts();
    assertThat(expected)
        .filteredOn(a -> a.getState() == AlertState.UPDATED && a.getReasons().contains(Reason.MEDICAL_RED_FLAG))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getEventTime()).isEqualTo(at(180));
          assertThat(a.getRecommendation().getMessage()).contains("fever").contains("numbness");
        });
    assertThat(app.alerts()).extracting(ExertionAlert::getAlertId)
        .containsAll(expected.stream().filter(a -> a.getState() != AlertState.RESOLVED)
            .map(ExertionAlert::getAlertId).toList());
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(app.status(ANA).openReasons()).isEqualTo(ordered.status(ANA).openReasons());
  }

  @Test
  void anUnreadableStateIsDeadLetteredAndKeptNeverReplacedByAFreshOne() {
    // Given: a state written by a newer build (version 9)
    KeyValueStore<String, byte[]> store = app.driver.getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE);
    byte[] unknown = {9, 1, 2, 3};
    store.put(ANA, unknown);

    // When: a sample, then a report with a red flag
    app.sample(Events.sample(ANA, at(10), RUNNING, 150));
    app.pain(Events.redFlag(ANA, at(20), 4, RedFlag.FEVER));

    // Then: both set aside with the reason, the stored bytes untouched, counted -- and the red
    // flag still alerts
    List<TestRecord<byte[], byte[]>> dead = app.deadLetterTopic.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead).allSatisfy(d -> {
      assertThat(DeadLetters.header(d.headers(), DeadLetters.REASON)).isEqualTo("STATE_UNREADABLE");
      assertThat(DeadLetters.header(d.headers(), DeadLetters.ERROR_MESSAGE)).contains("ana", "version 9");
    });
    assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(ANA);
    assertThat(store.get(ANA)).containsExactly(unknown);
    assertThat(app.deadLetters.arrivals().unreadableStates()).isEqualTo(2);
    assertThat(app.deadLetters.count(DeadLetters.Reason.STATE_UNREADABLE)).isEqualTo(2);
    assertThat(app.alerts()).extracting(ExertionAlert::getSeverity)
        .containsExactly(Severity.SEEK_MEDICAL_ATTENTION);
  }
}
