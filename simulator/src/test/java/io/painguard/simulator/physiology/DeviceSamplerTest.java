package io.painguard.simulator.physiology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeviceSamplerTest {

  private final Physiology body = new Physiology(1990, 58, 186, 260);
  private final SplittableRandom random = new SplittableRandom(3);

  private ActivityEvent sample(ActivityType activity, DeviceSource device, double intensity) {
    return sample(activity, device, intensity, null, null, 12);
  }

  private ActivityEvent sample(ActivityType activity, DeviceSource device, double intensity, Double flexion, Integer pinned, double t) {
    return DeviceSampler.sample(
        new SampleRequest("e1", "a1", 1_000L, activity, device, "dev-1", body, intensity,
            body.targetHeartRate(intensity), t, flexion, pinned),
        random);
  }

  @Test
  void everySupportedDeviceFillsExactlyTheFieldsItMeasures() {
    for (DeviceSource device : DeviceSource.values()) {
      for (ActivityType activity : ActivityType.values()) {
        if (!Devices.supports(device, activity) || activity == ActivityType.UNKNOWN) {
          continue;
        }
        var measured = Devices.measures(device, activity);
        ActivityEvent e = sample(activity, device, 0.6);
        String where = device + " during " + activity;
        assertThat(e.getHeartRateBpm() != null).as(where + " heart rate").isEqualTo(measured.contains(Measurement.HEART_RATE));
        assertThat(e.getPowerWatts() != null).as(where + " power").isEqualTo(measured.contains(Measurement.POWER));
        assertThat(e.getLoadKg() != null).as(where + " load").isEqualTo(measured.contains(Measurement.LOAD));
        assertThat(e.getSpeedMps() != null).as(where + " speed").isEqualTo(measured.contains(Measurement.SPEED));
        assertThat(e.getTrunkFlexionDeg() != null).as(where + " flexion").isEqualTo(measured.contains(Measurement.TRUNK_FLEXION));
        if (e.getCadencePerMin() != null) {
          assertThat(measured).as(where).contains(Measurement.CADENCE);
        }
        assertThat(e.getSource()).isEqualTo(device);
        assertThat(e.getActivityType()).isEqualTo(activity);
      }
    }
  }

  @Test
  void gymEquipmentHasNoHeartRateButItsOwnMechanics() {
    ActivityEvent treadmill = sample(ActivityType.RUNNING, DeviceSource.TREADMILL, 0.7);
    assertThat(treadmill.getHeartRateBpm()).isNull();
    assertThat(treadmill.getSpeedMps()).isBetween(3.5f, 4.6f);
    assertThat(treadmill.getCadencePerMin()).isBetween(160, 185);

    ActivityEvent bike = sample(ActivityType.CYCLING, DeviceSource.STATIONARY_BIKE, 0.7);
    assertThat(bike.getHeartRateBpm()).isNull();
    assertThat(bike.getPowerWatts()).isBetween(120, 260);
    assertThat(bike.getCadencePerMin()).isBetween(75, 95);

    ActivityEvent rower = sample(ActivityType.ROWING, DeviceSource.ROWING_MACHINE, 0.6);
    assertThat(rower.getCadencePerMin()).isBetween(24, 31);
    assertThat(rower.getTrunkFlexionDeg()).isBetween(10f, 42f);

    ActivityEvent machine = sample(ActivityType.STRENGTH_TRAINING, DeviceSource.STRENGTH_MACHINE, 0.5);
    assertThat(machine.getLoadKg()).isEqualTo(60f);
    assertThat(machine.getTrunkFlexionDeg()).isBetween(15f, 50f);
  }

  @Test
  void mechanicsRiseWithIntensity() {
    assertThat(sample(ActivityType.RUNNING, DeviceSource.TREADMILL, 0.9).getSpeedMps())
        .isGreaterThan(sample(ActivityType.RUNNING, DeviceSource.TREADMILL, 0.4).getSpeedMps());
    assertThat(sample(ActivityType.CYCLING, DeviceSource.STATIONARY_BIKE, 0.9).getPowerWatts())
        .isGreaterThan(sample(ActivityType.CYCLING, DeviceSource.STATIONARY_BIKE, 0.4).getPowerWatts());
    assertThat(sample(ActivityType.WALKING, DeviceSource.WRIST_WEARABLE, 0.2).getSpeedMps()).isLessThan(2.2f);
  }

  @Test
  void wearableHeartRateFollowsTheBodyAndCanBePinned() {
    ActivityEvent chest = sample(ActivityType.RUNNING, DeviceSource.CHEST_STRAP, 0.8);
    assertThat(chest.getHeartRateBpm()).isBetween(156, 166); // target 160.4, noise 1 bpm
    ActivityEvent spike = sample(ActivityType.WALKING, DeviceSource.WRIST_WEARABLE, 0.3, null, 178, 5);
    assertThat(spike.getHeartRateBpm()).isEqualTo(178);
  }

  @Test
  void scriptedTrunkFlexionRepeatedlyExceedsTheModerateRange() {
    int beyond = 0;
    for (int t = 0; t < 60; t++) {
      ActivityEvent e = sample(ActivityType.ROWING, DeviceSource.ROWING_MACHINE, 0.5, 78.0, null, t);
      assertThat(e.getTrunkFlexionDeg()).isBetween(30f, 82f);
      if (e.getTrunkFlexionDeg() > 60) {
        beyond++;
      }
    }
    assertThat(beyond).isBetween(15, 50);
  }

  @Test
  void typicalDevicesCanRecordTheirActivity() {
    for (ActivityType activity : ActivityType.values()) {
      for (DeviceSource device : Devices.typicalFor(activity)) {
        if (activity != ActivityType.UNKNOWN) {
          assertThat(Devices.supports(device, activity)).as(device + " for " + activity).isTrue();
        }
      }
    }
    assertThat(Devices.supports(DeviceSource.TREADMILL, ActivityType.ROWING)).isFalse();
    assertThat(Devices.supports(DeviceSource.PHONE, ActivityType.SWIMMING)).isFalse();
  }
}
