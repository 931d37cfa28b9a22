package io.painguard.simulator.physiology;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each kind of device measures, during which activities it can be used, and which devices an
 * athlete typically has on for an activity.
 */
public final class Devices {

  private static final Set<ActivityType> STEP_BASED =
      EnumSet.of(
          ActivityType.WALKING,
          ActivityType.RUNNING,
          ActivityType.STAIR_CLIMBING,
          ActivityType.ELLIPTICAL,
          ActivityType.HIIT);

  private static final Set<ActivityType> ON_FOOT = EnumSet.of(ActivityType.WALKING, ActivityType.RUNNING);

  private static final Set<ActivityType> IN_WATER =
      EnumSet.of(ActivityType.SWIMMING, ActivityType.AQUATIC_EXERCISE);

  /** measures() for every device and activity, computed once: the load generator asks per sample. */
  private static final Map<DeviceSource, Map<ActivityType, Set<Measurement>>> MEASURES = table();

  private Devices() {}

  private static Map<DeviceSource, Map<ActivityType, Set<Measurement>>> table() {
    Map<DeviceSource, Map<ActivityType, Set<Measurement>>> t = new EnumMap<>(DeviceSource.class);
    for (DeviceSource d : DeviceSource.values()) {
      Map<ActivityType, Set<Measurement>> byActivity = new EnumMap<>(ActivityType.class);
      for (ActivityType a : ActivityType.values()) {
        byActivity.put(a, Collections.unmodifiableSet(compute(d, a)));
      }
      t.put(d, byActivity);
    }
    return t;
  }

  /** True when the device can produce samples during the activity. */
  public static boolean supports(DeviceSource device, ActivityType activity) {
    return switch (device) {
      case WRIST_WEARABLE, CHEST_STRAP, SMART_RING -> true;
      case PHONE -> !IN_WATER.contains(activity);
      case TREADMILL -> ON_FOOT.contains(activity);
      case STATIONARY_BIKE -> activity == ActivityType.CYCLING || activity == ActivityType.HIIT;
      case ROWING_MACHINE -> activity == ActivityType.ROWING;
      case ELLIPTICAL_MACHINE -> activity == ActivityType.ELLIPTICAL;
      case STRENGTH_MACHINE -> activity == ActivityType.STRENGTH_TRAINING;
      case UNKNOWN -> false;
    };
  }

  /** The fields a device fills during an activity (empty when it does not support it). */
  public static Set<Measurement> measures(DeviceSource device, ActivityType activity) {
    return MEASURES.get(device).get(activity);
  }

  private static Set<Measurement> compute(DeviceSource device, ActivityType activity) {
    if (!supports(device, activity)) {
      return EnumSet.noneOf(Measurement.class);
    }
    return switch (device) {
      case WRIST_WEARABLE -> {
        Set<Measurement> m = EnumSet.of(Measurement.HEART_RATE);
        if (STEP_BASED.contains(activity) || activity == ActivityType.SWIMMING) {
          m.add(Measurement.CADENCE);
        }
        if (ON_FOOT.contains(activity)) {
          m.add(Measurement.SPEED);
        }
        yield m;
      }
      case CHEST_STRAP ->
          activity == ActivityType.RUNNING
              ? EnumSet.of(Measurement.HEART_RATE, Measurement.CADENCE)
              : EnumSet.of(Measurement.HEART_RATE);
      case SMART_RING -> EnumSet.of(Measurement.HEART_RATE);
      case PHONE ->
          ON_FOOT.contains(activity)
              ? EnumSet.of(Measurement.CADENCE, Measurement.SPEED)
              : EnumSet.noneOf(Measurement.class);
      case TREADMILL -> EnumSet.of(Measurement.SPEED, Measurement.CADENCE);
      case STATIONARY_BIKE, ELLIPTICAL_MACHINE -> EnumSet.of(Measurement.POWER, Measurement.CADENCE);
      case ROWING_MACHINE -> EnumSet.of(Measurement.POWER, Measurement.CADENCE, Measurement.TRUNK_FLEXION);
      case STRENGTH_MACHINE -> EnumSet.of(Measurement.LOAD, Measurement.TRUNK_FLEXION);
      case UNKNOWN -> EnumSet.noneOf(Measurement.class);
    };
  }

  /** The devices an athlete typically wears or uses for an activity: a watch, plus the machine. */
  public static List<DeviceSource> typicalFor(ActivityType activity) {
    return switch (activity) {
      case CYCLING -> List.of(DeviceSource.WRIST_WEARABLE, DeviceSource.STATIONARY_BIKE);
      case ROWING -> List.of(DeviceSource.WRIST_WEARABLE, DeviceSource.ROWING_MACHINE);
      case ELLIPTICAL -> List.of(DeviceSource.WRIST_WEARABLE, DeviceSource.ELLIPTICAL_MACHINE);
      case STRENGTH_TRAINING -> List.of(DeviceSource.WRIST_WEARABLE, DeviceSource.STRENGTH_MACHINE);
      default -> List.of(DeviceSource.WRIST_WEARABLE);
    };
  }

  /**
   * Heart-rate sensor noise (standard deviation, bpm): chest straps read the ECG and are the
   * reference; optical wrist and ring sensors are noisier.
   */
  public static double heartRateNoiseSd(DeviceSource device) {
    return switch (device) {
      case CHEST_STRAP -> 1.0;
      case WRIST_WEARABLE -> 2.5;
      case SMART_RING -> 3.0;
      default -> 0.0;
    };
  }
}
