package io.painguard.simulator.physiology;

import io.painguard.events.ActivityEvent;
import java.time.Instant;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Turns the state of a body and its activity into the sample a given device would send. */
public final class DeviceSampler {

  private DeviceSampler() {}

  /** One sample; only the fields the device measures during the activity are set. */
  public static ActivityEvent sample(SampleRequest r, RandomGenerator random) {
    Set<Measurement> measured = Devices.measures(r.device(), r.activity());
    double intensity = Physiology.clamp01(r.intensity());
    double cadence = ActivityKinematics.cadencePerMin(r.activity(), intensity);

    Integer heartRate = null;
    if (measured.contains(Measurement.HEART_RATE)) {
      heartRate =
          r.pinnedHeartRateBpm() != null
              ? r.pinnedHeartRateBpm()
              : HeartRateModel.observe(
                  r.trueHeartRateBpm(), Devices.heartRateNoiseSd(r.device()), r.body(), random);
    }
    Integer cadenceOut = null;
    if (measured.contains(Measurement.CADENCE) && cadence > 0) {
      cadenceOut = (int) Math.round(jitter(cadence, 0.02, random));
    }
    Float speed = null;
    double baseSpeed = ActivityKinematics.speedMps(r.activity(), intensity);
    if (measured.contains(Measurement.SPEED) && baseSpeed > 0) {
      speed = round2(jitter(baseSpeed, 0.02, random));
    }
    Integer power = null;
    double basePower = ActivityKinematics.powerWatts(r.activity(), intensity, r.body().peakPowerWatts());
    if (measured.contains(Measurement.POWER) && basePower > 0) {
      power = (int) Math.round(jitter(basePower, 0.04, random));
    }
    Float load = null;
    double baseLoad = ActivityKinematics.loadKg(r.activity(), intensity);
    if (measured.contains(Measurement.LOAD) && baseLoad > 0) {
      // Machines step in 2.5 kg plates.
      load = (float) (Math.round(baseLoad / 2.5) * 2.5);
    }
    Float flexion = null;
    if (measured.contains(Measurement.TRUNK_FLEXION)) {
      double peak =
          r.peakTrunkFlexionDeg() != null
              ? r.peakTrunkFlexionDeg()
              : ActivityKinematics.peakTrunkFlexionDeg(r.activity(), intensity);
      if (peak > 0) {
        double angle = ActivityKinematics.trunkFlexionAt(r.activity(), peak, cadence, r.secondsIntoActivity());
        flexion = round1(Math.max(0, angle + random.nextGaussian()));
      }
    }
    return new ActivityEvent(
        r.eventId(),
        r.athleteId(),
        Instant.ofEpochMilli(r.timestampMillis()),
        r.activity(),
        r.device(),
        r.deviceId(),
        heartRate,
        cadenceOut,
        power,
        speed,
        load,
        flexion);
  }

  private static double jitter(double value, double relativeSd, RandomGenerator random) {
    return Math.max(0, value * (1 + relativeSd * random.nextGaussian()));
  }

  private static float round2(double value) {
    return (float) (Math.round(value * 100) / 100.0);
  }

  private static float round1(double value) {
    return (float) (Math.round(value * 10) / 10.0);
  }
}
