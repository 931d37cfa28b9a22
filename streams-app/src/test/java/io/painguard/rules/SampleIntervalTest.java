package io.painguard.rules;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Devices that report less often than every second (many wearables every 15 or 30 s to save
 * battery): each sample counts until the athlete's next one, at most the 30 s hold. Profile: HRrest
 * 60, HRmax 180; moderate pain, ceiling 60 %HRR = 132 bpm.
 */
class SampleIntervalTest {

  private final GuardScript athlete = new GuardScript("noor").profile();

  @ParameterizedTest(name = "a sample every {0} s")
  @ValueSource(ints = {15, 30})
  void aSparseDeviceAboveTheCeilingForTwoMinutesRaisesReduceIntensity(int interval) {
    // Given: moderate pain
    athlete.pain(0, 5);

    // When: 150 bpm (75 %HRR) every `interval` seconds for two and a half minutes
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 151; s += interval) {
      alerts.addAll(athlete.sample(Events.sample(athlete.athlete, at(s), RUNNING, 150)));
    }

    // Then: the sample at second 61 completes 61 s above the ceiling (1..61, each sample standing
    // for its whole interval): one alert, as for a device reporting every second
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getState()).isEqualTo(AlertState.RAISED);
              assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              assertThat(a.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
              assertThat(a.getEventTime()).isEqualTo(at(61));
              assertThat(a.getObserved().getSecondsAboveCeiling()).isEqualTo(61);
              assertThat(a.getObserved().getAvgHeartRateBpm()).isEqualTo(150);
            });
  }

  @Test
  void aSpikeAmongFifteenSecondSamplesDoesNotAlert() {
    // Given: moderate pain, an easy 100 bpm every 15 s for five minutes
    athlete.pain(0, 5);
    List<ExertionAlert> alerts = new ArrayList<>();

    // When: one sample reads 200 bpm
    for (int s = 1; s <= 301; s += 15) {
      int hr = s == 61 ? 200 : 100;
      alerts.addAll(athlete.sample(Events.sample(athlete.athlete, at(s), RUNNING, hr)));
    }

    // Then: it stands for its 15 s only
    assertThat(alerts).isEmpty();
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(100);
  }

  @Test
  void aLoneSampleWithNothingAfterItIsNeverSustained() {
    // Given: moderate pain
    athlete.pain(0, 5);

    // When: one 200 bpm sample, nothing while stream time moves on, then easy samples again
    List<ExertionAlert> alerts =
        new ArrayList<>(athlete.sample(Events.sample(athlete.athlete, at(1), RUNNING, 200)));
    alerts.addAll(athlete.tick(31));
    alerts.addAll(athlete.tick(61));
    alerts.addAll(athlete.run(91, 151, RUNNING, 100));

    // Then: it counted for the 30 s hold (seconds 1..30), below the 60 s that are sustained
    assertThat(alerts).isEmpty();
    GuidanceSettings defaults = GuidanceSettings.defaults();
    WindowSummary w =
        athlete
            .state()
            .window()
            .summarize(
                at(91).getEpochSecond(),
                defaults.windowSeconds(),
                Long.MIN_VALUE,
                -1,
                defaults.moderateCeilingHrrPct(),
                HeartRateLimits.of(null, 60, 180, 2025, defaults),
                defaults);
    assertThat(w.secondsAboveCeiling()).isEqualTo(30);
    assertThat(w.lastAboveSecond()).isEqualTo(at(30).getEpochSecond());
  }
}
