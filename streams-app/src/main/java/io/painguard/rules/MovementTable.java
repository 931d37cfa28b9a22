package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.Movement;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The trigger table: which positions and movements (the {@link Movement}s a pain report can name as
 * triggers, DOMAIN 2) each activity involves. An activity "involves a trigger" when its row contains
 * a movement the athlete named.
 *
 * <pre>
 * activity           movements it involves
 * REST               -
 * WALKING            WALKING, STANDING
 * RUNNING            RUNNING, JUMPING, STANDING
 * CYCLING            SITTING, BENDING
 * ROWING             BENDING, SITTING
 * ELLIPTICAL         WALKING, STANDING
 * STAIR_CLIMBING     WALKING, STANDING
 * STRENGTH_TRAINING  LIFTING, BENDING, TWISTING, REACHING_OVERHEAD
 * HIIT               JUMPING, RUNNING, BENDING, TWISTING
 * SWIMMING           TWISTING, REACHING_OVERHEAD
 * AQUATIC_EXERCISE   -   (water unloads the spine, DOMAIN 7)
 * YOGA               BENDING, TWISTING, REACHING_OVERHEAD
 * STRETCHING         BENDING, REACHING_OVERHEAD
 * CORE_STABILITY     -   (braced, neutral-spine holds: the core-support work of DOMAIN 7)
 * UNKNOWN            -   (nothing known, nothing claimed)
 * </pre>
 */
public final class MovementTable {

  private static final Map<ActivityType, Set<Movement>> TABLE = new EnumMap<>(ActivityType.class);

  static {
    for (ActivityType a : ActivityType.values()) {
      TABLE.put(a, EnumSet.noneOf(Movement.class));
    }
    put(ActivityType.WALKING, Movement.WALKING, Movement.STANDING);
    put(ActivityType.RUNNING, Movement.RUNNING, Movement.JUMPING, Movement.STANDING);
    put(ActivityType.CYCLING, Movement.SITTING, Movement.BENDING);
    put(ActivityType.ROWING, Movement.BENDING, Movement.SITTING);
    put(ActivityType.ELLIPTICAL, Movement.WALKING, Movement.STANDING);
    put(ActivityType.STAIR_CLIMBING, Movement.WALKING, Movement.STANDING);
    put(
        ActivityType.STRENGTH_TRAINING,
        Movement.LIFTING,
        Movement.BENDING,
        Movement.TWISTING,
        Movement.REACHING_OVERHEAD);
    put(ActivityType.HIIT, Movement.JUMPING, Movement.RUNNING, Movement.BENDING, Movement.TWISTING);
    put(ActivityType.SWIMMING, Movement.TWISTING, Movement.REACHING_OVERHEAD);
    put(ActivityType.YOGA, Movement.BENDING, Movement.TWISTING, Movement.REACHING_OVERHEAD);
    put(ActivityType.STRETCHING, Movement.BENDING, Movement.REACHING_OVERHEAD);
  }

  private MovementTable() {}

  /** The movements an activity involves (unmodifiable). */
  public static Set<Movement> movementsOf(ActivityType activity) {
    return java.util.Collections.unmodifiableSet(TABLE.get(activity));
  }

  /** True when the activity involves at least one of the triggers. */
  public static boolean involvesAny(ActivityType activity, Collection<Movement> triggers) {
    for (Movement m : triggers) {
      if (TABLE.get(activity).contains(m)) {
        return true;
      }
    }
    return false;
  }

  /** The triggers the activity involves, in enum order. */
  public static Set<Movement> triggersInvolved(ActivityType activity, Collection<Movement> triggers) {
    Set<Movement> hit = EnumSet.noneOf(Movement.class);
    for (Movement m : triggers) {
      if (TABLE.get(activity).contains(m)) {
        hit.add(m);
      }
    }
    return hit;
  }

  private static void put(ActivityType activity, Movement... movements) {
    TABLE.get(activity).addAll(java.util.List.of(movements));
  }
}
