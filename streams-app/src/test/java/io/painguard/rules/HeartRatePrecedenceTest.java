package io.painguard.rules;

import static io.painguard.events.ActivityType.CYCLING;
import static io.painguard.events.ActivityType.ROWING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.DeviceSource;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An athlete with a wrist heart-rate sensor on a stationary bike (or rower) sends two streams: the
 * wearable's heart rate and the machine's power without one. The measured heart rate decides the
 * intensity; the machine's samples still say what the athlete is doing. Profile: HRrest 60, HRmax
 * 180; moderate pain, ceiling 60 %HRR = 132 bpm. 150 W is vigorous (75 %HRR) by power alone.
 */
class HeartRatePrecedenceTest {

  private static final int VIGOROUS_WATTS = 150;

  private final GuardScript athlete = new GuardScript("chloe").profile();

  @Test
  void aBikeBesideAWristSensorLeavesTheMeasuredHeartRateInCharge() {
    // Given
    athlete.pain(0, 5);
    // When: both devices report every second, the bike right after the wrist
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 180; s++) {
      alerts.addAll(athlete.sample(wrist(at(s), CYCLING, 100)));
      alerts.addAll(athlete.sample(bike(at(s), VIGOROUS_WATTS)));
    }
    // Then: 100 bpm is 33 %HRR, well under the ceiling, and it is what the state shows
    assertThat(alerts).isEmpty();
    AthleteState state = athlete.state();
    assertThat(state.lastHeartRateBpm()).isEqualTo(100);
    assertThat(state.lastIntensityHrrPct()).isEqualTo(33);
    assertThat(state.lastActivity()).isEqualTo(CYCLING);
    assertThat(state.lastSampleAt()).isEqualTo(at(180).toEpochMilli());
  }

  @Test
  void aWristSensorReportingEveryFewSecondsStillDecidesTheIntensity() {
    athlete.pain(0, 5);

    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 300; s++) {
      if (s % 3 == 1) {
        alerts.addAll(athlete.sample(wrist(at(s), CYCLING, 100)));
      }
      alerts.addAll(athlete.sample(bike(at(s).plusMillis(400), VIGOROUS_WATTS)));
    }

    assertThat(alerts).as("the bike's seconds between two heart rates are not vigorous").isEmpty();
  }

  @Test
  void aComplyingAthleteIsResolvedWhileTheBikeStillReadsVigorous() {
    // Given: hard cycling (150 bpm = 75 %HRR) raises an alert
    athlete.pain(0, 5);
    for (int s = 1; s <= 120; s++) {
      if (s % 2 == 0) {
        athlete.sample(wrist(at(s), CYCLING, 150));
      }
      athlete.sample(bike(at(s).plusMillis(500), VIGOROUS_WATTS));
    }
    assertThat(athlete.alerts())
        .extracting(ExertionAlert::getState)
        .containsExactly(AlertState.RAISED);
    // When: she eases off to 110 bpm (42 %HRR) while her power still reads vigorous
    for (int s = 121; s <= 400; s++) {
      if (s % 2 == 0) {
        athlete.sample(wrist(at(s), CYCLING, 110));
      }
      athlete.sample(bike(at(s).plusMillis(500), 106));
    }
    // Then: resolved 2 min after the last second above the ceiling (the 150 bpm of second 120
    // stands through its bike sample at 121)
    assertThat(athlete.alerts())
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(tuple(AlertState.RAISED, at(60)), tuple(AlertState.RESOLVED, at(241)));
  }

  @Test
  void equipmentOnlyAthletesKeepTheEstimatedIntensity() {
    athlete.pain(0, 5);

    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 61; s++) {
      alerts.addAll(athlete.sample(bike(at(s), VIGOROUS_WATTS)));
    }

    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              assertThat(a.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
              assertThat(a.getEventTime()).isEqualTo(at(60));
            });
    assertThat(athlete.state().lastHeartRateBpm()).isNull();
    assertThat(athlete.state().lastIntensityHrrPct()).isEqualTo(75);
  }

  @Test
  void whenTheHeartRateSensorGoesQuietTheEquipmentCountsAgain() {
    // Given: both devices for a minute at 100 bpm
    athlete.pain(0, 5);
    for (int s = 0; s < 60; s++) {
      athlete.sample(wrist(at(s), CYCLING, 100));
      athlete.sample(bike(at(s), VIGOROUS_WATTS));
    }
    // When: the wrist stops after second 59; the bike goes on
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 60; s < 160; s++) {
      alerts.addAll(athlete.sample(bike(at(s), VIGOROUS_WATTS)));
    }
    // Then: the heart rate keeps precedence for 30 s (seconds 60..88 within its 30 s hold, 89
    // nothing), the bike's class counts from second 90, and 60 s of it are sustained at second 149
    assertThat(alerts)
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(tuple(AlertState.RAISED, at(149)));
    assertThat(athlete.state().lastHeartRateBpm()).isNull();
    assertThat(athlete.state().lastIntensityHrrPct()).isEqualTo(75);
  }

  @Test
  void theHeartRatePrecedenceIsASetting() {
    GuidanceSettings fiveSeconds =
        GuidanceSettings.fromProperties(
            java.util.Map.of(
                "painguard.rules.intensity.heart-rate-precedence", "5s",
                "painguard.rules.sustained.sample-hold", "5s"));
    GuardScript strict = new GuardScript("chloe", fiveSeconds).profile();
    for (GuardScript script : List.of(athlete, strict)) {
      script.pain(0, 5);
      script.sample(Events.sample(script.athlete, at(0), CYCLING, 100));
    }

    // 6 s after the heart rate: within the default 30 s, past 5 s
    athlete.sample(bike(at(6), VIGOROUS_WATTS));
    strict.sample(bike(at(6), VIGOROUS_WATTS));

    assertThat(GuidanceSettings.defaults().heartRatePrecedence()).hasSeconds(30);
    assertThat(athlete.state().lastIntensityHrrPct()).isEqualTo(33);
    assertThat(strict.state().lastIntensityHrrPct()).isEqualTo(75);
  }

  @Test
  void machineSamplesStillCountForBendsAndTheActivity() {
    // Given: a rower with a wrist sensor at an easy 100 bpm; the rowing machine measures power
    // (vigorous) and trunk flexion, bending beyond 60 degrees three times
    athlete.pain(0, 5);
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 30; s++) {
      alerts.addAll(athlete.sample(wrist(at(s), ActivityType.UNKNOWN, 100)));
      float flexion = s == 5 || s == 15 || s == 25 ? 75f : 20f;
      alerts.addAll(athlete.sample(rower(at(s), VIGOROUS_WATTS, flexion)));
    }
    // Then: the bends count (an advisory), the power does not
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.ADVISORY);
              assertThat(a.getReasons()).containsExactly(Reason.EXCESSIVE_RANGE_OF_MOTION);
              assertThat(a.getActivityType()).isEqualTo(ROWING);
              assertThat(a.getEventTime()).isEqualTo(at(25));
            });
    assertThat(athlete.state().lastActivity()).isEqualTo(ROWING);
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(100);
  }

  private ActivityEvent wrist(Instant at, ActivityType type, int hr) {
    return Events.sample(athlete.athlete, at, type, hr);
  }

  private ActivityEvent bike(Instant at, int watts) {
    return Events.sample(athlete.athlete, at, CYCLING)
        .setSource(DeviceSource.STATIONARY_BIKE)
        .setPowerWatts(watts)
        .setCadencePerMin(85)
        .build();
  }

  private ActivityEvent rower(Instant at, int watts, float flexionDeg) {
    return Events.sample(athlete.athlete, at, ROWING)
        .setSource(DeviceSource.ROWING_MACHINE)
        .setPowerWatts(watts)
        .setTrunkFlexionDeg(flexionDeg)
        .build();
  }
}
