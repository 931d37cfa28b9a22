package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import io.painguard.events.SelfCare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words messages use for the contract's symbols, one table, so no enum name shows through
 * ("Hiit", "otc pain relief"). A symbol missing from the table (added to the schema later) falls
 * back to its name in lower case.
 */
public final class Words {

  private static final Map<ActivityType, String> ACTIVITIES = new EnumMap<>(ActivityType.class);
  private static final Map<Movement, String> MOVEMENTS = new EnumMap<>(Movement.class);
  private static final Map<PainSensation, String> SENSATIONS = new EnumMap<>(PainSensation.class);
  private static final Map<Limb, String> LIMBS = new EnumMap<>(Limb.class);
  private static final Map<RedFlag, String> RED_FLAGS = new EnumMap<>(RedFlag.class);
  private static final Map<SelfCare, String> SELF_CARE = new EnumMap<>(SelfCare.class);

  static {
    ACTIVITIES.put(ActivityType.UNKNOWN, "activity");
    ACTIVITIES.put(ActivityType.REST, "rest");
    ACTIVITIES.put(ActivityType.WALKING, "walking");
    ACTIVITIES.put(ActivityType.RUNNING, "running");
    ACTIVITIES.put(ActivityType.CYCLING, "cycling");
    ACTIVITIES.put(ActivityType.ROWING, "rowing");
    ACTIVITIES.put(ActivityType.ELLIPTICAL, "the elliptical trainer");
    ACTIVITIES.put(ActivityType.STAIR_CLIMBING, "stair climbing");
    ACTIVITIES.put(ActivityType.STRENGTH_TRAINING, "strength training");
    ACTIVITIES.put(ActivityType.HIIT, "HIIT");
    ACTIVITIES.put(ActivityType.SWIMMING, "swimming");
    ACTIVITIES.put(ActivityType.AQUATIC_EXERCISE, "aquatic exercise");
    ACTIVITIES.put(ActivityType.YOGA, "yoga");
    ACTIVITIES.put(ActivityType.STRETCHING, "light stretching");
    ACTIVITIES.put(ActivityType.CORE_STABILITY, "core-stability work");

    MOVEMENTS.put(Movement.UNKNOWN, "a movement");
    MOVEMENTS.put(Movement.BENDING, "bending");
    MOVEMENTS.put(Movement.LIFTING, "lifting");
    MOVEMENTS.put(Movement.TWISTING, "twisting");
    MOVEMENTS.put(Movement.SITTING, "sitting");
    MOVEMENTS.put(Movement.STANDING, "standing");
    MOVEMENTS.put(Movement.WALKING, "walking");
    MOVEMENTS.put(Movement.RUNNING, "running");
    MOVEMENTS.put(Movement.JUMPING, "jumping");
    MOVEMENTS.put(Movement.REACHING_OVERHEAD, "reaching overhead");

    SENSATIONS.put(PainSensation.ELECTRIC, "electric sensations");
    SENSATIONS.put(PainSensation.PINS_AND_NEEDLES, "pins and needles");
    SENSATIONS.put(PainSensation.BURNING, "burning pain");
    SENSATIONS.put(PainSensation.NUMBNESS, "numbness");
    SENSATIONS.put(PainSensation.WEAKNESS, "weakness");
    SENSATIONS.put(PainSensation.SHARP, "sharp pain");
    SENSATIONS.put(PainSensation.STABBING, "stabbing pain");
    SENSATIONS.put(PainSensation.SPASM, "spasm");

    LIMBS.put(Limb.UNKNOWN, "pain radiating to a limb");
    LIMBS.put(Limb.LEFT_LEG, "pain radiating to the left leg");
    LIMBS.put(Limb.RIGHT_LEG, "pain radiating to the right leg");
    LIMBS.put(Limb.LEFT_ARM, "pain radiating to the left arm");
    LIMBS.put(Limb.RIGHT_ARM, "pain radiating to the right arm");

    RED_FLAGS.put(RedFlag.FEVER, "fever");
    RED_FLAGS.put(RedFlag.UNEXPLAINED_WEIGHT_LOSS, "unexplained weight loss");
    RED_FLAGS.put(RedFlag.RECENT_TRAUMA, "a recent trauma");
    RED_FLAGS.put(RedFlag.SUSPECTED_FRACTURE, "a suspected fracture");
    RED_FLAGS.put(RedFlag.SUSPECTED_LIGAMENT_TEAR, "a suspected ligament tear");
    RED_FLAGS.put(RedFlag.BLADDER_OR_BOWEL_CHANGE, "a bladder or bowel change");
    RED_FLAGS.put(RedFlag.SADDLE_NUMBNESS, "saddle numbness");

    SELF_CARE.put(SelfCare.ICE, "ice");
    SELF_CARE.put(SelfCare.HEAT, "heat");
    SELF_CARE.put(SelfCare.MASSAGE, "massage");
    SELF_CARE.put(SelfCare.OTC_PAIN_RELIEF, "over-the-counter pain relief");
  }

  private Words() {}

  public static String of(ActivityType a) {
    return word(ACTIVITIES, a);
  }

  public static String of(Movement m) {
    return word(MOVEMENTS, m);
  }

  public static String of(PainSensation s) {
    return word(SENSATIONS, s);
  }

  public static String of(Limb l) {
    return word(LIMBS, l);
  }

  public static String of(RedFlag f) {
    return word(RED_FLAGS, f);
  }

  public static String of(SelfCare c) {
    return word(SELF_CARE, c);
  }

  /** Every sign, red flags first (the more urgent), in the tables' words. */
  static List<String> signs(MedicalSigns signs) {
    List<String> out = new ArrayList<>();
    for (RedFlag f : signs.redFlags()) {
      out.add(of(f));
    }
    for (PainSensation s : signs.radiculopathySensations()) {
      out.add(of(s));
    }
    for (Limb l : signs.radiatesTo()) {
      out.add(of(l));
    }
    return out;
  }

  static List<String> movements(Collection<Movement> movements) {
    List<String> out = new ArrayList<>();
    for (Movement m : movements) {
      out.add(of(m));
    }
    return out;
  }

  /** "a", "a and b", "a, b and c"; "these signs" for none. */
  static String list(List<String> parts) {
    if (parts.isEmpty()) {
      return "these signs";
    } else if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** "14 days", "12 hours", "2 min". */
  static String duration(Duration d) {
    if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
      return d.toDays() == 1 ? "1 day" : d.toDays() + " days";
    } else if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() == 1 ? "1 hour" : d.toHours() + " hours";
    } else if (d.toSeconds() % 60 == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static <E extends Enum<E>> String word(Map<E, String> table, E value) {
    String w = table.get(value);
    return w != null ? w : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
