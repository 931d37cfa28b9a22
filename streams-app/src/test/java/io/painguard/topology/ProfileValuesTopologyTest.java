package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.rules.ProfilePlausibility.Field.BIRTH_YEAR;
import static io.painguard.rules.ProfilePlausibility.Field.MAX_HEART_RATE;
import static io.painguard.rules.ProfilePlausibility.Field.RESTING_HEART_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AthleteProfile;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.rules.AthleteState;
import io.painguard.rules.AthleteStatus;
import io.painguard.rules.ProfilePlausibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Implausible profile values are ignored field by field, end to end: Given a profile whose
 * heart-rate values are implausible or inconsistent, When it is processed, Then it is applied (not
 * dead-lettered), its coach still gets the athlete's alerts, the alerts say the limits are
 * estimated, and each ignored field is counted once per profile record applied. Events are in March
 * 2025 ({@link Events#T0}); pain 5 gives a ceiling of 60 %HRR.
 */
class ProfileValuesTopologyTest {

  private static final String ANA = "ana";
  private static final Instant UPDATED = Events.T0.minus(Duration.ofDays(30));

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aProfileWithRestAboveMaxKeepsItsCoachAndAlertsAsEstimated() {
    // Given a profile with HRrest 105 over HRmax 100 (each plausible alone) and a coach
    profile(builder(ANA, UPDATED).setRestingHeartRateBpm(105).setMaxHeartRateBpm(100));
    // Then it is not dead-lettered
    assertThat(app.deadLetterTopic.readRecordsToList()).isEmpty();
    assertThat(app.deadLetters.total()).isZero();

    // When the athlete, in moderate pain, runs at 160 bpm for two minutes
    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 121, RUNNING, 160);

    // Then the alert reaches the coach, with HRmax estimated (default age 40: 180) over the
    // profile's HRrest 105: ceiling 105 + 0.6 x 75 = 150 bpm
    ExertionAlert alert = onlyAlert();
    assertThat(alert.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
    assertThat(alert.getCoachId()).isEqualTo("coach-7");
    assertThat(alert.getProfileEstimated()).isTrue();
    assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isEqualTo(150);
    // And the ignored maximum is counted, nothing else
    assertThat(ignored(MAX_HEART_RATE)).isEqualTo(1);
    assertThat(ignored(RESTING_HEART_RATE)).isZero();
    assertThat(ignored(BIRTH_YEAR)).isZero();
  }

  @Test
  void aMaximumFourBeatsOverRestNoLongerMakesA62BpmTarget() {
    // Given rest 60 / max 64
    profile(builder(ANA, UPDATED).setRestingHeartRateBpm(60).setMaxHeartRateBpm(64));

    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 121, RUNNING, 160);

    // Then the target comes from HRrest 60 and the estimated HRmax 180: 60 + 0.6 x 120 = 132
    ExertionAlert alert = onlyAlert();
    assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isNotEqualTo(62).isEqualTo(132);
    assertThat(alert.getProfileEstimated()).isTrue();
    assertThat(alert.getCoachId()).isEqualTo("coach-7");
    assertThat(ignored(MAX_HEART_RATE)).isEqualTo(1);
  }

  @Test
  void aBirthYearOfTheEventYearIsIgnoredForTheDefaultAge() {
    // Given a birth year typed as this year (age 0: Tanaka 208) and HRrest 60, no HRmax
    profile(builder(ANA, UPDATED).setBirthYear(2025).setRestingHeartRateBpm(60));

    app.pain(ANA, 0, 5);
    app.run(ANA, 1, 121, RUNNING, 160);

    // Then the default age 40 (HRmax 180) sets the ceiling: 132 bpm, not 60 + 0.6 x 148 = 148
    ExertionAlert alert = onlyAlert();
    assertThat(alert.getRecommendation().getTargetMaxHeartRateBpm()).isEqualTo(132);
    assertThat(alert.getProfileEstimated()).isTrue();
    assertThat(ignored(BIRTH_YEAR)).isEqualTo(1);
  }

  @Test
  void heartRatesNoOneHasAreNotKeptAndTheRestOfTheProfileApplies() {
    // Given a profile with a resting rate of 300 (one byte in the state would read it as 44)
    profile(builder(ANA, UPDATED).setRestingHeartRateBpm(300).setMaxHeartRateBpm(190));

    // Then it is applied: the coach is known, HRrest is the default, HRmax the profile's
    assertThat(app.deadLetterTopic.readRecordsToList()).isEmpty();
    AthleteState state = state(ANA);
    assertThat(state.restingHeartRateBpm()).isNull();
    assertThat(state.maxHeartRateBpm()).isEqualTo(190);
    AthleteStatus status = app.status(ANA);
    assertThat(status.coachId()).isEqualTo("coach-7");
    assertThat(status.profileEstimated()).isTrue();
    assertThat(ignored(RESTING_HEART_RATE)).isEqualTo(1);
    assertThat(ignored(MAX_HEART_RATE)).isZero();
  }

  @Test
  void eachProfileRecordAppliedCountsOnceAndAnOlderVersionNotAtAll() {
    // Given the same implausible profile twice, then an older version of it
    profile(builder(ANA, UPDATED).setRestingHeartRateBpm(70).setMaxHeartRateBpm(65));
    profile(builder(ANA, UPDATED).setRestingHeartRateBpm(70).setMaxHeartRateBpm(65));
    profile(builder(ANA, UPDATED.minusSeconds(86_400)).setRestingHeartRateBpm(70).setMaxHeartRateBpm(65));

    // Then the two applied records count, the ignored older one does not
    assertThat(ignored(MAX_HEART_RATE)).isEqualTo(2);
  }

  @Test
  void aPlausibleProfileCountsNothing() {
    app.profile(ANA);

    assertThat(ignored(MAX_HEART_RATE)).isZero();
    assertThat(ignored(RESTING_HEART_RATE)).isZero();
    assertThat(ignored(BIRTH_YEAR)).isZero();
    assertThat(app.status(ANA).profileEstimated()).isFalse();
  }

  private static AthleteProfile.Builder builder(String athlete, Instant updatedAt) {
    return AthleteProfile.newBuilder().setAthleteId(athlete).setUpdatedAt(updatedAt).setCoachId("coach-7");
  }

  private void profile(AthleteProfile.Builder builder) {
    AthleteProfile p = builder.build();
    app.profiles.pipeInput(new TestRecord<>(p.getAthleteId(), p, p.getUpdatedAt()));
  }

  private ExertionAlert onlyAlert() {
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }

  private long ignored(ProfilePlausibility.Field field) {
    return app.deadLetters.arrivals().ignoredProfileValues(field);
  }

  private AthleteState state(String athlete) {
    KeyValueStore<String, byte[]> store = app.driver.getKeyValueStore(PainGuardTopology.ATHLETE_STATE_STORE);
    return AthleteState.decode(store.get(athlete), app.rules);
  }
}
