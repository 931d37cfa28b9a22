package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.Movement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Easier activities to switch to (DOMAIN 7, 9): walking, aquatic exercise, light stretching, yoga
 * and core-stability work. A suggestion is never the activity under way and never one that involves
 * a movement the athlete named as a trigger ({@link MovementTable}).
 */
public final class Alternatives {

  /** The guidance's easy options, in the order they are suggested. */
  public static final List<ActivityType> EASY_OPTIONS =
      List.of(
          ActivityType.WALKING,
          ActivityType.AQUATIC_EXERCISE,
          ActivityType.STRETCHING,
          ActivityType.YOGA,
          ActivityType.CORE_STABILITY);

  private Alternatives() {}

  /** For spasm, yoga and core-support work first: they help release it (DOMAIN 7). */
  private static final List<ActivityType> FOR_SPASM =
      List.of(
          ActivityType.YOGA,
          ActivityType.CORE_STABILITY,
          ActivityType.WALKING,
          ActivityType.AQUATIC_EXERCISE,
          ActivityType.STRETCHING);

  /** Easy options other than {@code current} that avoid every trigger. */
  public static List<ActivityType> suggest(ActivityType current, Collection<Movement> triggers) {
    return suggest(current, triggers, false);
  }

  /** The same, yoga and core work first when the athlete reports spasm. */
  public static List<ActivityType> suggest(ActivityType current, Collection<Movement> triggers, boolean spasm) {
    return filter(spasm ? FOR_SPASM : EASY_OPTIONS, current, triggers);
  }

  /**
   * For a long rest during an episode (DOMAIN 5, 9): gentle walking first; if walking brings the
   * pain on, the other easy options that avoid the triggers.
   */
  public static List<ActivityType> gentleMovement(Collection<Movement> triggers) {
    List<ActivityType> walking = filter(List.of(ActivityType.WALKING), ActivityType.REST, triggers);
    return walking.isEmpty() ? suggest(ActivityType.REST, triggers) : walking;
  }

  private static List<ActivityType> filter(
      List<ActivityType> options, ActivityType current, Collection<Movement> triggers) {
    List<ActivityType> out = new ArrayList<>(options.size());
    for (ActivityType option : options) {
      if (option != current && !MovementTable.involvesAny(option, triggers)) {
        out.add(option);
      }
    }
    return out;
  }
}
