package io.painguard.rules;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.painguard.events.ActivityEvent;
import io.painguard.events.AlertState;
import io.painguard.events.DeviceSource;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A runner wearing a chest strap and a wrist sensor: the optical wrist sensor locks onto the
 * running cadence (165 steps a minute reads 165 bpm) while the strap, reading the heart's
 * electrical signal, says 130. The strap's heart rate counts. Profile: HRrest 60, HRmax 180;
 * moderate pain, ceiling 60 %HRR = 132 bpm, so 130 is under it and 165 (87.5 %HRR) far above.
 */
class ChestStrapPrecedenceTest {

  private static final int STRAP_BPM = 130;
  private static final int CADENCE_LOCKED_BPM = 165;

  private final GuardScript athlete = new GuardScript("ravi").profile();

  /** Every source other than a chest strap (and none at all), each in both arrival orders. */
  static Stream<Arguments> otherSourcesAndOrders() {
    List<DeviceSource> others = new ArrayList<>(Arrays.asList(DeviceSource.values()));
    others.remove(DeviceSource.CHEST_STRAP);
    others.add(null);
    return others.stream()
        .flatMap(source -> Stream.of(Arguments.of(source, true), Arguments.of(source, false)));
  }

  @ParameterizedTest(name = "other source {0}, strap first: {1}")
  @MethodSource("otherSourcesAndOrders")
  void aChestStrapInTheSameSecondsDecidesWhateverArrivesFirst(DeviceSource other, boolean strapFirst) {
    // Given: moderate pain
    athlete.pain(0, 5);

    // When: both devices report every second for three minutes, in the given order
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 180; s++) {
      ActivityEvent strap = sample(s, DeviceSource.CHEST_STRAP, STRAP_BPM);
      ActivityEvent locked = sample(s, other, CADENCE_LOCKED_BPM);
      alerts.addAll(athlete.sample(strapFirst ? strap : locked));
      alerts.addAll(athlete.sample(strapFirst ? locked : strap));
    }

    // Then: judged by 130 bpm -- no alert -- and 130 is what the status view shows
    assertThat(alerts).isEmpty();
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(STRAP_BPM);
    assertThat(athlete.state().lastSampleAt()).isEqualTo(at(180).toEpochMilli());
  }

  @Test
  void theWristAloneStillCounts() {
    // Given: moderate pain
    athlete.pain(0, 5);

    // When: only the wrist sensor reports, at 165 bpm
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 180; s++) {
      alerts.addAll(athlete.sample(sample(s, DeviceSource.WRIST_WEARABLE, CADENCE_LOCKED_BPM)));
    }

    // Then: 60 s above the ceiling at second 60, as before
    assertThat(alerts)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getSeverity()).isEqualTo(Severity.REDUCE_INTENSITY);
              assertThat(a.getReasons()).containsExactly(Reason.SUSTAINED_HIGH_INTENSITY);
              assertThat(a.getEventTime()).isEqualTo(at(60));
              assertThat(a.getObserved().getAvgHeartRateBpm()).isEqualTo(CADENCE_LOCKED_BPM);
            });
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(CADENCE_LOCKED_BPM);
  }

  @Test
  void aStrapEveryFifteenSecondsOutranksAWristEverySecond() {
    // Given: moderate pain
    athlete.pain(0, 5);

    // When: the strap reports every 15 s, the wrist every second just after it
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 1; s <= 180; s++) {
      if (s % 15 == 1) {
        alerts.addAll(athlete.sample(sample(s, DeviceSource.CHEST_STRAP, STRAP_BPM)));
      }
      alerts.addAll(
          athlete.sample(
              Events.sample(athlete.athlete, at(s).plusMillis(300), RUNNING)
                  .setSource(DeviceSource.WRIST_WEARABLE)
                  .setHeartRateBpm(CADENCE_LOCKED_BPM)
                  .build()));
    }

    // Then: the wrist's seconds between two strap samples are the strap's, and the status view
    // keeps the strap's reading (the newest strap sample is at most 14 s old)
    assertThat(alerts).isEmpty();
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(STRAP_BPM);
  }

  @Test
  void whenTheStrapGoesQuietTheWristCountsAgainAfterThePrecedence() {
    // Given: moderate pain, both devices for a minute
    athlete.pain(0, 5);
    for (int s = 1; s <= 60; s++) {
      athlete.sample(sample(s, DeviceSource.CHEST_STRAP, STRAP_BPM));
      athlete.sample(sample(s, DeviceSource.WRIST_WEARABLE, CADENCE_LOCKED_BPM));
    }

    // When: the strap stops after second 60 (taken off); the wrist goes on
    List<ExertionAlert> alerts = new ArrayList<>();
    for (int s = 61; s <= 200; s++) {
      alerts.addAll(athlete.sample(sample(s, DeviceSource.WRIST_WEARABLE, CADENCE_LOCKED_BPM)));
    }

    // Then: the strap's 130 stands for its 30 s hold (to second 89), second 90 is within its 30 s
    // precedence, the wrist counts from second 91, and 60 s of it are sustained at second 150
    assertThat(alerts)
        .extracting(ExertionAlert::getState, ExertionAlert::getEventTime)
        .containsExactly(tuple(AlertState.RAISED, at(150)));
    assertThat(athlete.state().lastHeartRateBpm()).isEqualTo(CADENCE_LOCKED_BPM);
  }

  @Test
  void onlyAChestStrapOutranksTheOtherHeartRateSources() {
    for (DeviceSource source : DeviceSource.values()) {
      assertThat(HeartRateSourceRank.outranksOthers(source))
          .as("%s outranks the others", source)
          .isEqualTo(source == DeviceSource.CHEST_STRAP);
    }
    assertThat(HeartRateSourceRank.of(null)).isEqualTo(HeartRateSourceRank.OTHER);
  }

  private ActivityEvent sample(int second, DeviceSource source, int hr) {
    return Events.sample(athlete.athlete, at(second), RUNNING)
        .setSource(source)
        .setHeartRateBpm(hr)
        .build();
  }
}
