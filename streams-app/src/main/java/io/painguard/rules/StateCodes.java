package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The codes the stored athlete state uses for enum symbols, one explicit table per enum, keyed by
 * the symbol's <em>name</em>. A code is the position of the name in its table and never changes:
 * new symbols are appended to the table (a test fails until they are), renamed or removed ones
 * keep their slot. So the stored layout depends neither on an enum's length nor on its ordinals,
 * and the generated Avro enums may grow freely.
 *
 * <p>The tables start with the contract's symbol order as of state version 2, so masks written by
 * versions 1 and 2 (ordinal bits of those very enums) read with the same codes.
 */
final class StateCodes {

  static final Codes<ActivityType> ACTIVITY =
      new Codes<>(
          ActivityType.class,
          ActivityType.UNKNOWN,
          "UNKNOWN", "REST", "WALKING", "RUNNING", "CYCLING", "ROWING", "ELLIPTICAL",
          "STAIR_CLIMBING", "STRENGTH_TRAINING", "HIIT", "SWIMMING", "AQUATIC_EXERCISE", "YOGA",
          "STRETCHING", "CORE_STABILITY");

  static final Codes<Movement> MOVEMENT =
      new Codes<>(
          Movement.class,
          Movement.UNKNOWN,
          "UNKNOWN", "BENDING", "LIFTING", "TWISTING", "SITTING", "STANDING", "WALKING", "RUNNING",
          "JUMPING", "REACHING_OVERHEAD");

  static final Codes<PainSensation> SENSATION =
      new Codes<>(
          PainSensation.class,
          PainSensation.UNKNOWN,
          "UNKNOWN", "DULL", "ACHING", "STIFFNESS", "SPASM", "SHARP", "STABBING", "BURNING",
          "ELECTRIC", "PINS_AND_NEEDLES", "NUMBNESS", "WEAKNESS");

  static final Codes<PainOnset> ONSET =
      new Codes<>(
          PainOnset.class,
          PainOnset.UNKNOWN,
          "UNKNOWN", "AT_REST", "BEFORE_ACTIVITY", "DURING_ACTIVITY", "AFTER_ACTIVITY");

  static final Codes<Limb> LIMB =
      new Codes<>(Limb.class, Limb.UNKNOWN, "UNKNOWN", "LEFT_LEG", "RIGHT_LEG", "LEFT_ARM", "RIGHT_ARM");

  static final Codes<RedFlag> RED_FLAG =
      new Codes<>(
          RedFlag.class,
          RedFlag.UNKNOWN,
          "UNKNOWN", "FEVER", "UNEXPLAINED_WEIGHT_LOSS", "RECENT_TRAUMA", "SUSPECTED_FRACTURE",
          "SUSPECTED_LIGAMENT_TEAR", "BLADDER_OR_BOWEL_CHANGE", "SADDLE_NUMBNESS");

  static final Codes<Reason> REASON =
      new Codes<>(
          Reason.class,
          Reason.UNKNOWN,
          "UNKNOWN", "SUSTAINED_HIGH_INTENSITY", "SEVERE_PAIN_WHILE_ACTIVE",
          "PAIN_INCREASING_DURING_ACTIVITY", "TRIGGER_MOVEMENT", "EXCESSIVE_RANGE_OF_MOTION",
          "RADICULOPATHY_SIGNS", "MEDICAL_RED_FLAG", "PROLONGED_INACTIVITY", "NOT_IMPROVING",
          "SHARP_PAIN_DURING_ACTIVITY");

  /** Alert states as the state stores them: 0 none, then the lifecycle's transitions. */
  static final Codes<AlertState> ALERT_STATE =
      new Codes<>(AlertState.class, AlertState.UNKNOWN, "UNKNOWN", "RAISED", "ESCALATED", "RESOLVED", "UPDATED");

  /** Severity as versions 1 and 2 stored it (ordinals of that time); version 3 stores ranks. */
  static final Codes<Severity> SEVERITY_V2 =
      new Codes<>(
          Severity.class,
          Severity.UNKNOWN,
          "UNKNOWN", "ADVISORY", "REDUCE_INTENSITY", "STOP_ACTIVITY", "SEEK_MEDICAL_ATTENTION");

  private StateCodes() {}

  /** One enum's table. */
  static final class Codes<E extends Enum<E>> {
    private final Class<E> type;
    private final E unknown;
    private final Object[] byCode;
    private final int[] codeByOrdinal;

    @SafeVarargs
    private Codes(Class<E> type, E unknown, String... names) {
      if (names.length > 31) {
        throw new IllegalStateException(type.getSimpleName() + " needs wider masks");
      }
      this.type = type;
      this.unknown = unknown;
      this.byCode = new Object[names.length];
      E[] constants = type.getEnumConstants();
      this.codeByOrdinal = new int[constants.length];
      java.util.Arrays.fill(codeByOrdinal, -1);
      for (int code = 0; code < names.length; code++) {
        for (E e : constants) {
          if (e.name().equals(names[code])) {
            byCode[code] = e;
            codeByOrdinal[e.ordinal()] = code;
          }
        }
      }
    }

    /** The symbol's code; -1 for a symbol the table does not list yet (see the class comment). */
    int code(E value) {
      return value == null ? 0 : codeByOrdinal[value.ordinal()];
    }

    /** The symbol of a code; UNKNOWN for a code this build does not know. */
    @SuppressWarnings("unchecked")
    E of(int code) {
      return code >= 0 && code < byCode.length && byCode[code] != null ? (E) byCode[code] : unknown;
    }

    /** Symbols the table does not list (must be empty; a test checks it). */
    Set<E> unlisted() {
      Set<E> out = EnumSet.noneOf(type);
      for (E e : type.getEnumConstants()) {
        if (codeByOrdinal[e.ordinal()] < 0) {
          out.add(e);
        }
      }
      return out;
    }

    int mask(Collection<E> values) {
      int m = 0;
      if (values != null) {
        for (E e : values) {
          int c = code(e);
          if (c >= 0) {
            m |= 1 << c;
          }
        }
      }
      return m;
    }

    Set<E> set(int mask) {
      Set<E> out = EnumSet.noneOf(type);
      for (int c = 0; c < byCode.length; c++) {
        if ((mask & (1 << c)) != 0 && byCode[c] != null) {
          out.add(of(c));
        }
      }
      return out;
    }
  }
}
