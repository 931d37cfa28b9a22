package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.BodyRegion;
import io.painguard.events.DeviceSource;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.SelfCare;
import io.painguard.events.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The wording table: for every symbol of every enum a person sees, the words a person would write,
 * alone on a label ("HIIT", "Over-the-counter pain relief") and, where messages use the symbol,
 * inside a sentence ("the elliptical trainer"). Messages ({@link Words}), the API's labels and the
 * dashboard (through {@code GET /api/wording}) all read this one table; a test fails when a symbol
 * has no entry, so a symbol added to a schema cannot show through as "HIIT_BENDING".
 */
public final class Wording {

  /** A symbol's words: on its own as a label, and inside a sentence. */
  public record Term(String label, String inSentence) {}

  /** One enum's table, named as {@code GET /api/wording} names it. */
  public static final class Table<E extends Enum<E>> {
    private final Class<E> type;
    private final String section;
    private final Map<E, Term> terms;

    private Table(Class<E> type, String section) {
      this.type = type;
      this.section = section;
      this.terms = new EnumMap<>(type);
    }

    /** A symbol used on labels only. */
    private Table<E> put(E symbol, String label) {
      return put(symbol, label, label.toLowerCase(Locale.ROOT));
    }

    private Table<E> put(E symbol, String label, String inSentence) {
      terms.put(symbol, new Term(label, inSentence));
      return this;
    }

    public Class<E> type() {
      return type;
    }

    public String section() {
      return section;
    }

    /** The entries, read-only. */
    public Map<E, Term> terms() {
      return Collections.unmodifiableMap(terms);
    }
  }

  private static final Table<ActivityType> ACTIVITIES =
      new Table<>(ActivityType.class, "activities")
          .put(ActivityType.UNKNOWN, "Unknown activity", "activity")
          .put(ActivityType.REST, "Rest")
          .put(ActivityType.WALKING, "Walking")
          .put(ActivityType.RUNNING, "Running")
          .put(ActivityType.CYCLING, "Cycling")
          .put(ActivityType.ROWING, "Rowing")
          .put(ActivityType.ELLIPTICAL, "Elliptical trainer", "the elliptical trainer")
          .put(ActivityType.STAIR_CLIMBING, "Stair climbing")
          .put(ActivityType.STRENGTH_TRAINING, "Strength training")
          .put(ActivityType.HIIT, "HIIT", "HIIT")
          .put(ActivityType.SWIMMING, "Swimming")
          .put(ActivityType.AQUATIC_EXERCISE, "Aquatic exercise")
          .put(ActivityType.YOGA, "Yoga")
          .put(ActivityType.STRETCHING, "Light stretching")
          .put(ActivityType.CORE_STABILITY, "Core-stability work");

  private static final Table<SelfCare> SELF_CARE =
      new Table<>(SelfCare.class, "selfCare")
          .put(SelfCare.UNKNOWN, "Other self-care")
          .put(SelfCare.ICE, "Ice")
          .put(SelfCare.HEAT, "Heat")
          .put(SelfCare.MASSAGE, "Massage")
          .put(SelfCare.OTC_PAIN_RELIEF, "Over-the-counter pain relief");

  private static final Table<Severity> SEVERITIES =
      new Table<>(Severity.class, "severities")
          .put(Severity.UNKNOWN, "Unknown severity")
          .put(Severity.ADVISORY, "Advisory")
          .put(Severity.REDUCE_INTENSITY, "Reduce intensity")
          .put(Severity.STOP_ACTIVITY, "Stop activity")
          .put(Severity.SEEK_MEDICAL_ATTENTION, "Medical referral");

  private static final Table<Reason> REASONS =
      new Table<>(Reason.class, "reasons")
          .put(Reason.UNKNOWN, "Other reason")
          .put(Reason.SUSTAINED_HIGH_INTENSITY, "Too long above the heart-rate ceiling")
          .put(Reason.SEVERE_PAIN_WHILE_ACTIVE, "Severe pain while active")
          .put(Reason.PAIN_INCREASING_DURING_ACTIVITY, "Pain rising during activity")
          .put(Reason.TRIGGER_MOVEMENT, "A movement that brings the pain on")
          .put(Reason.EXCESSIVE_RANGE_OF_MOTION, "Bending forward too far")
          .put(Reason.RADICULOPATHY_SIGNS, "Signs that a nerve is involved")
          .put(Reason.MEDICAL_RED_FLAG, "Medical red flag")
          .put(Reason.PROLONGED_INACTIVITY, "Inactive for too long")
          .put(Reason.NOT_IMPROVING, "Pain not improving over days")
          .put(Reason.SHARP_PAIN_DURING_ACTIVITY, "Sharp pain during activity");

  private static final Table<AlertState> ALERT_STATES =
      new Table<>(AlertState.class, "alertStates")
          .put(AlertState.UNKNOWN, "Unknown")
          .put(AlertState.RAISED, "Raised")
          .put(AlertState.ESCALATED, "Escalated")
          .put(AlertState.RESOLVED, "Over")
          .put(AlertState.UPDATED, "Updated");

  private static final Table<BodyRegion> BODY_REGIONS =
      new Table<>(BodyRegion.class, "bodyRegions")
          .put(BodyRegion.UNKNOWN, "Area not given")
          .put(BodyRegion.LOWER_BACK, "Lower back")
          .put(BodyRegion.UPPER_BACK, "Upper back")
          .put(BodyRegion.NECK, "Neck")
          .put(BodyRegion.HIP, "Hip")
          .put(BodyRegion.BUTTOCK, "Buttock")
          .put(BodyRegion.LEG, "Leg")
          .put(BodyRegion.ARM, "Arm");

  private static final Table<PainOnset> ONSETS =
      new Table<>(PainOnset.class, "onsets")
          .put(PainOnset.UNKNOWN, "Onset not given")
          .put(PainOnset.AT_REST, "At rest")
          .put(PainOnset.BEFORE_ACTIVITY, "Before activity")
          .put(PainOnset.DURING_ACTIVITY, "During activity")
          .put(PainOnset.AFTER_ACTIVITY, "After activity");

  private static final Table<PainSensation> SENSATIONS =
      new Table<>(PainSensation.class, "sensations")
          .put(PainSensation.UNKNOWN, "Other sensation", "an unusual sensation")
          .put(PainSensation.DULL, "Dull", "dull pain")
          .put(PainSensation.ACHING, "Aching", "aching")
          .put(PainSensation.STIFFNESS, "Stiffness")
          .put(PainSensation.SPASM, "Spasm")
          .put(PainSensation.SHARP, "Sharp", "sharp pain")
          .put(PainSensation.STABBING, "Stabbing", "stabbing pain")
          .put(PainSensation.BURNING, "Burning", "burning pain")
          .put(PainSensation.ELECTRIC, "Electric", "electric sensations")
          .put(PainSensation.PINS_AND_NEEDLES, "Pins and needles")
          .put(PainSensation.NUMBNESS, "Numbness")
          .put(PainSensation.WEAKNESS, "Weakness");

  private static final Table<Limb> LIMBS =
      new Table<>(Limb.class, "limbs")
          .put(Limb.UNKNOWN, "A limb", "pain radiating to a limb")
          .put(Limb.LEFT_LEG, "Left leg", "pain radiating to the left leg")
          .put(Limb.RIGHT_LEG, "Right leg", "pain radiating to the right leg")
          .put(Limb.LEFT_ARM, "Left arm", "pain radiating to the left arm")
          .put(Limb.RIGHT_ARM, "Right arm", "pain radiating to the right arm");

  private static final Table<Movement> MOVEMENTS =
      new Table<>(Movement.class, "movements")
          .put(Movement.UNKNOWN, "Other movement", "a movement")
          .put(Movement.BENDING, "Bending")
          .put(Movement.LIFTING, "Lifting")
          .put(Movement.TWISTING, "Twisting")
          .put(Movement.SITTING, "Sitting")
          .put(Movement.STANDING, "Standing")
          .put(Movement.WALKING, "Walking")
          .put(Movement.RUNNING, "Running")
          .put(Movement.JUMPING, "Jumping")
          .put(Movement.REACHING_OVERHEAD, "Reaching overhead");

  private static final Table<RedFlag> RED_FLAGS =
      new Table<>(RedFlag.class, "redFlags")
          .put(RedFlag.UNKNOWN, "Other red flag", "a red flag")
          .put(RedFlag.FEVER, "Fever")
          .put(RedFlag.UNEXPLAINED_WEIGHT_LOSS, "Unexplained weight loss")
          .put(RedFlag.RECENT_TRAUMA, "Recent trauma", "a recent trauma")
          .put(RedFlag.SUSPECTED_FRACTURE, "Suspected fracture", "a suspected fracture")
          .put(RedFlag.SUSPECTED_LIGAMENT_TEAR, "Suspected ligament tear", "a suspected ligament tear")
          .put(RedFlag.BLADDER_OR_BOWEL_CHANGE, "Bladder or bowel change", "a bladder or bowel change")
          .put(RedFlag.SADDLE_NUMBNESS, "Saddle numbness");

  private static final Table<DeviceSource> DEVICE_SOURCES =
      new Table<>(DeviceSource.class, "deviceSources")
          .put(DeviceSource.UNKNOWN, "Unknown device")
          .put(DeviceSource.WRIST_WEARABLE, "Wrist wearable")
          .put(DeviceSource.CHEST_STRAP, "Chest strap")
          .put(DeviceSource.SMART_RING, "Smart ring")
          .put(DeviceSource.PHONE, "Phone")
          .put(DeviceSource.TREADMILL, "Treadmill")
          .put(DeviceSource.STATIONARY_BIKE, "Stationary bike")
          .put(DeviceSource.ROWING_MACHINE, "Rowing machine")
          .put(DeviceSource.ELLIPTICAL_MACHINE, "Elliptical machine")
          .put(DeviceSource.STRENGTH_MACHINE, "Strength machine");

  private static final Table<PainBand> PAIN_BANDS =
      new Table<>(PainBand.class, "painBands")
          .put(PainBand.NONE, "No pain")
          .put(PainBand.MILD, "Mild pain")
          .put(PainBand.MODERATE, "Moderate pain")
          .put(PainBand.SEVERE, "Severe pain");

  private static final Table<HeartRateZone> ZONES =
      new Table<>(HeartRateZone.class, "zones")
          .put(HeartRateZone.BELOW, "Below the ceiling")
          .put(HeartRateZone.NEAR, "Near the ceiling")
          .put(HeartRateZone.ABOVE, "Above the ceiling");

  private static final Table<PainDirection> PAIN_TRENDS =
      new Table<>(PainDirection.class, "painTrends")
          .put(PainDirection.RISING, "Rising")
          .put(PainDirection.FALLING, "Easing")
          .put(PainDirection.STEADY, "Steady");

  private static final Map<Class<?>, Table<?>> BY_TYPE = new LinkedHashMap<>();

  static {
    for (Table<?> t :
        new Table<?>[] {
          ACTIVITIES, SELF_CARE, SEVERITIES, REASONS, ALERT_STATES, BODY_REGIONS, ONSETS, SENSATIONS,
          LIMBS, MOVEMENTS, RED_FLAGS, DEVICE_SOURCES, PAIN_BANDS, ZONES, PAIN_TRENDS
        }) {
      BY_TYPE.put(t.type(), t);
    }
  }

  private Wording() {}

  /** Every table, in the order {@code GET /api/wording} lists them. */
  public static Iterable<Table<?>> tables() {
    return Collections.unmodifiableCollection(BY_TYPE.values());
  }

  /** The symbol on its own ("HIIT", "Over-the-counter pain relief"); null for null. */
  public static String label(Enum<?> symbol) {
    if (symbol == null) {
      return null;
    }
    Term t = term(symbol);
    return t != null ? t.label() : Words.capitalize(fallback(symbol));
  }

  /** The symbol inside a sentence ("the elliptical trainer"). */
  static String inSentence(Enum<?> symbol) {
    Term t = term(symbol);
    return t != null ? t.inSentence() : fallback(symbol);
  }

  /** "Moderate pain (5/10)"; "No pain" at level 0. */
  public static String pain(int level) {
    PainBand band = PainBand.of(level);
    return band == PainBand.NONE ? label(band) : label(band) + " (" + level + "/10)";
  }

  /**
   * The table as {@code GET /api/wording} serves it: section name to symbol name to label, plus
   * {@code extra} sections (words the API itself defines, such as the need labels).
   */
  public static Map<String, Map<String, String>> asJson(Map<String, Map<String, String>> extra) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Table<?> t : BY_TYPE.values()) {
      Map<String, String> labels = new LinkedHashMap<>();
      t.terms().forEach((symbol, term) -> labels.put(symbol.name(), term.label()));
      out.put(t.section(), labels);
    }
    out.putAll(extra);
    return out;
  }

  private static Term term(Enum<?> symbol) {
    Table<?> t = BY_TYPE.get(symbol.getDeclaringClass());
    return t == null ? null : t.terms.get(symbol);
  }

  /** A symbol missing from the table (only possible for a class not listed): its name in words. */
  private static String fallback(Enum<?> symbol) {
    return symbol.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
