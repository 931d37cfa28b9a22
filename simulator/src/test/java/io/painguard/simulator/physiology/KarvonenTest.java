package io.painguard.simulator.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KarvonenTest {

  @Test
  void targetHeartRateIsRestPlusIntensityTimesReserve() {
    assertThat(Karvonen.targetHeartRate(60, 180, 0.0)).isEqualTo(60.0);
    assertThat(Karvonen.targetHeartRate(60, 180, 0.6)).isEqualTo(132.0, within(1e-9));
    assertThat(Karvonen.targetHeartRate(60, 180, 1.0)).isEqualTo(180.0);
  }

  @Test
  void intensityIsTheInverseOfTheTarget() {
    assertThat(Karvonen.intensityOf(Karvonen.targetHeartRate(55, 190, 0.73), 55, 190)).isEqualTo(0.73, within(1e-9));
  }

  @Test
  void tanakaEstimatesMaximumFromAge() {
    assertThat(Karvonen.tanakaMaxHeartRate(40)).isEqualTo(180);
    assertThat(Karvonen.tanakaMaxHeartRate(20)).isEqualTo(194);
  }
}
