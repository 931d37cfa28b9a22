package io.painguard.simulator.scenario;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import io.painguard.simulator.physiology.Devices;
import java.time.Duration;
import java.util.List;

/**
 * One stretch of an athlete's timeline: either an activity ({@code activity} + {@code duration})
 * during which each device sends a sample every {@code sampleEvery}, or a {@code pause} during
 * which nothing is sent (devices off) while the heart keeps recovering.
 *
 * @param activity what the athlete does
 * @param duration how long
 * @param devices devices sending samples (default: typical for the activity)
 * @param intensity % heart-rate reserve, constant or ramp (default: typical for the activity)
 * @param trunkFlexion deepest trunk bend per repetition, degrees (default: typical)
 * @param heartRate pins the reported heart rate (e.g. a sensor spike); the body model runs on
 * @param sampleEvery sampling period per device (default 1s)
 * @param delay deliver the segment's samples this much later than their event time
 * @param pause length of a pause; exclusive with {@code activity}
 */
public record Segment(
    ActivityType activity,
    Duration duration,
    List<DeviceSource> devices,
    Intensity intensity,
    Double trunkFlexion,
    Integer heartRate,
    Duration sampleEvery,
    Duration delay,
    Duration pause) {

  public static final Duration DEFAULT_SAMPLE_PERIOD = Duration.ofSeconds(1);

  public Segment {
    devices = devices == null ? null : List.copyOf(devices);
    sampleEvery = sampleEvery == null ? DEFAULT_SAMPLE_PERIOD : sampleEvery;
    delay = delay == null ? Duration.ZERO : delay;
  }

  public boolean isPause() {
    return activity == null && pause != null;
  }

  /** How much of the timeline the segment takes. */
  public Duration length() {
    if (isPause()) {
      return pause;
    }
    return duration == null ? Duration.ZERO : duration;
  }

  /** Devices in use: the scripted ones or the activity's typical set. */
  public List<DeviceSource> effectiveDevices() {
    if (devices != null && !devices.isEmpty()) {
      return devices;
    }
    return activity == null ? List.of() : Devices.typicalFor(activity);
  }

  /** The scripted intensity or the activity's typical one. */
  public Intensity effectiveIntensity() {
    return intensity != null ? intensity : Intensity.constant(typicalIntensityPct(activity));
  }

  /** Typical intensity (% HRR) of an easy session of each activity. */
  static double typicalIntensityPct(ActivityType activity) {
    if (activity == null) {
      return 0;
    }
    return switch (activity) {
      case REST, UNKNOWN -> 0;
      case STRETCHING, YOGA -> 20;
      case WALKING, CORE_STABILITY, AQUATIC_EXERCISE -> 35;
      default -> 55;
    };
  }
}
