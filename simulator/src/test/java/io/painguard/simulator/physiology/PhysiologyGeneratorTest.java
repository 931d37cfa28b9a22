package io.painguard.simulator.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PhysiologyGeneratorTest {

  @Test
  void drawsPlausibleBodiesAroundTheTanakaEstimate() {
    SplittableRandom random = new SplittableRandom(5);
    double residualSum = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      Physiology p = PhysiologyGenerator.draw(random, 2026);
      int age = 2026 - p.birthYear();
      assertThat(age).isBetween(18, 70);
      assertThat(p.restingHeartRate()).isBetween(42, 85);
      assertThat(p.maxHeartRate()).isBetween(p.restingHeartRate() + 60, 205);
      assertThat(p.peakPowerWatts()).isBetween(120, 450);
      residualSum += p.maxHeartRate() - Karvonen.tanakaMaxHeartRate(age);
    }
    assertThat(residualSum / n).isEqualTo(0.0, within(0.5));
  }

  @Test
  void painCeilingsFollowTheDetectionDefaults() {
    assertThat(PainCeilings.ceiling(0)).isEqualTo(1.0);
    assertThat(PainCeilings.ceiling(3)).isEqualTo(0.70);
    assertThat(PainCeilings.ceiling(4)).isEqualTo(0.60);
    assertThat(PainCeilings.ceiling(6)).isEqualTo(0.60);
    assertThat(PainCeilings.ceiling(7)).isEqualTo(0.50);
  }
}
