package io.painguard.simulator.physiology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.painguard.events.DeviceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeartRateModelTest {

  private final HeartRateModel model = HeartRateModel.DEFAULT;
  private final Physiology body = new Physiology(1988, 60, 180, 250);

  @Test
  void risesByAbout63PercentOfAStepInOneTimeConstant() {
    // Given an athlete at rest and a step to 80 % HRR (target 156 bpm)
    HeartRateState heart = new HeartRateState(model, body);
    double target = body.targetHeartRate(0.8);
    // When one rise time constant passes, in 1 s samples
    for (int s = 0; s < model.riseTimeConstantSeconds(); s++) {
      heart.advance(0.8, 1.0);
    }
    // Then the heart rate covered 1 - 1/e of the step
    double covered = (heart.heartRateBpm() - 60) / (target - 60);
    assertThat(covered).isEqualTo(1 - Math.exp(-1), within(0.005));
  }

  @Test
  void reachesNinetyFivePercentAfterThreeTimeConstantsAndConverges() {
    HeartRateState heart = new HeartRateState(model, body);
    double target = body.targetHeartRate(0.7);
    for (int s = 0; s < 3 * model.riseTimeConstantSeconds(); s++) {
      heart.advance(0.7, 1.0);
    }
    assertThat((heart.heartRateBpm() - 60) / (target - 60)).isEqualTo(0.95, within(0.005));
    for (int s = 0; s < 300; s++) {
      heart.advance(0.7, 1.0);
    }
    assertThat(heart.heartRateBpm()).isEqualTo(target, within(0.5));
  }

  @Test
  void recoversMoreSlowlyThanItRises() {
    double up = model.approach(60, 160, 30) - 60;
    double down = 160 - model.approach(160, 60, 30);
    assertThat(down).isLessThan(up);
    // Recovery takes minutes: after one minute less than 60 % of the way back down.
    assertThat((160 - model.approach(160, 60, 60)) / 100).isLessThan(0.6);
    assertThat((160 - model.approach(160, 60, 300)) / 100).isGreaterThan(0.95);
  }

  @Test
  void lagDoesNotDependOnHowTimeIsSliced() {
    double fine = 60;
    for (int i = 0; i < 40; i++) {
      fine = model.approach(fine, 150, 0.5);
    }
    assertThat(model.approach(60, 150, 20)).isEqualTo(fine, within(1e-9));
  }

  @Test
  void cardiacDriftStartsAfterTenMinutesOfSustainedEffortAndIsCapped() {
    HeartRateState heart = new HeartRateState(model, body);
    for (int s = 0; s < 600; s++) {
      heart.advance(0.7, 1.0);
    }
    assertThat(heart.driftBpm()).isZero();
    double atTenMinutes = heart.heartRateBpm();
    for (int s = 0; s < 1800; s++) {
      heart.advance(0.7, 1.0);
    }
    // 30 more minutes at 70 %: 0.3 x 0.7 bpm/min -> about 6 bpm of drift, heart rate up with it
    assertThat(heart.driftBpm()).isEqualTo(0.3 * 0.7 * 30, within(0.3));
    assertThat(heart.heartRateBpm()).isGreaterThan(atTenMinutes + 5);
    for (int s = 0; s < 7200; s++) {
      heart.advance(0.9, 1.0);
    }
    assertThat(heart.driftBpm()).isLessThanOrEqualTo(model.driftCapBpm());
    assertThat(heart.heartRateBpm()).isLessThanOrEqualTo(body.maxHeartRate());
  }

  @Test
  void driftFadesOnceTheEffortStops() {
    double drift = 10;
    double effort = 0;
    for (int s = 0; s < 900; s++) {
      effort = model.nextEffortSeconds(effort, 0.0, 1);
      drift = model.nextDrift(drift, effort, 0.0, 1);
    }
    assertThat(drift).isLessThan(10 * Math.exp(-2));
  }

  @Test
  void reportedHeartRateStaysWithinPhysiologicalBounds() {
    // Given noisy sensors and intensities that jump between 0 and beyond 100 %
    SplittableRandom random = new SplittableRandom(7);
    HeartRateState heart = new HeartRateState(model, body);
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (int s = 0; s < 20_000; s++) {
      double intensity = (s / 300) % 2 == 0 ? 1.2 : -0.2;
      double trueHr = heart.advance(intensity, 1.0);
      int reported = HeartRateModel.observe(trueHr, 3.0, body, random);
      low = Math.min(low, reported);
      high = Math.max(high, reported);
    }
    // Then readings never leave [rest - 10, max]
    assertThat(low).isGreaterThanOrEqualTo(HeartRateModel.lowestReported(body)).isGreaterThanOrEqualTo(30);
    assertThat(high).isLessThanOrEqualTo(body.maxHeartRate());
    assertThat(high).isGreaterThan(body.maxHeartRate() - 5);
  }

  @Test
  void noiseHasTheDevicesSpreadAndIsDeterministicUnderASeed() {
    List<Integer> first = readings(11);
    List<Integer> second = readings(11);
    assertThat(first).isEqualTo(second);
    assertThat(readings(12)).isNotEqualTo(first);
    double mean = first.stream().mapToInt(Integer::intValue).average().orElseThrow();
    double variance = first.stream().mapToDouble(v -> (v - mean) * (v - mean)).average().orElseThrow();
    assertThat(mean).isEqualTo(120, within(0.2));
    // 2.5 bpm noise plus rounding (variance 1/12)
    assertThat(Math.sqrt(variance)).isEqualTo(Math.sqrt(2.5 * 2.5 + 1.0 / 12), within(0.15));
  }

  private List<Integer> readings(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      values.add(HeartRateModel.observe(120, Devices.heartRateNoiseSd(DeviceSource.WRIST_WEARABLE), body, random));
    }
    return values;
  }
}
