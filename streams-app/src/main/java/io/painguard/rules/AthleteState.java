package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainSensation;
import io.painguard.events.Reason;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything PainGuard remembers about one athlete: the profile, the pain report in force (without
 * its note), recent activity and the alert lifecycle. It is mutable -- {@link AthleteGuard} updates
 * it in place -- and has its own compact, versioned binary form ({@link #encode()}, {@link
 * #decode(byte[], GuidanceSettings)}) for a key-value store that holds ~100,000 athletes: about 100
 * bytes for an idle athlete, about 250 while a detection window is in use.
 *
 * <p>Times are epoch milliseconds of event time; {@link #NONE} means "never". Enum values are kept
 * as ordinals and sets as bit masks of ordinals, which stays valid because the contract only ever
 * appends enum symbols.
 */
public final class AthleteState {

  /** "Never" / "not known" for times. */
  public static final long NONE = Long.MIN_VALUE;

  /** First byte of every encoding; bump it and keep reading the old one when the layout changes. */
  static final byte VERSION_1 = 1;

  /** Version 1 plus {@link #lastHeartRateAt} at the end. */
  static final byte VERSION_2 = 2;

  // Profile (null = not in the profile).
  Integer birthYear;
  Integer restingHeartRateBpm;
  Integer maxHeartRateBpm;
  String coachId;
  long profileUpdatedAt = NONE;

  // The pain report in force: the latest by event time.
  String reportId;
  long reportAt = NONE;
  int painLevel;
  int previousPainLevel;
  int triggersMask;
  int radiculopathyMask;
  int radiatesMask;
  int redFlagsMask;
  long episodeStartAt = NONE;
  /** Ceiling in force before {@link #reportAt}, -1 for none: judges window seconds before it. */
  int previousCeilingPct = -1;
  /** Activity (ordinal) during which pain rose by the rise threshold, -1 for none. */
  int risingActivity = -1;

  // Activity.
  long clock = NONE;
  long tickedAt = NONE;
  long lastSampleAt = NONE;
  int lastActivity = -1;
  int lastHeartRateBpm;
  int lastIntensityHrrPct = Integer.MIN_VALUE;
  /** Event time of the newest sample with a measured heart rate. */
  long lastHeartRateAt = NONE;
  long lastNonRestAt = NONE;
  int lastNonRestActivity = -1;
  ActivityBitmap activity = new ActivityBitmap();
  ExertionWindow window;

  // Alert lifecycle.
  int openSeverity;
  int openState;
  int openReasonsMask;
  long openedAt = NONE;
  long lastEvidenceAt = NONE;
  int heldReasonsMask;
  final long[] lastRaisedAt = new long[Severity.values().length];

  /** Earliest event time at which a stream-time tick may change this state; see AthleteGuard. */
  long deadline = Long.MAX_VALUE;

  public AthleteState(GuidanceSettings settings) {
    this.window = new ExertionWindow(settings.windowSeconds());
    java.util.Arrays.fill(lastRaisedAt, NONE);
  }

  // ---- read access for views and tests ----

  public Integer birthYear() {
    return birthYear;
  }

  public Integer restingHeartRateBpm() {
    return restingHeartRateBpm;
  }

  public Integer maxHeartRateBpm() {
    return maxHeartRateBpm;
  }

  public String coachId() {
    return coachId;
  }

  public String painReportId() {
    return reportId;
  }

  /** Event time of the pain report in force, or {@link #NONE}. */
  public long painReportedAt() {
    return reportAt;
  }

  public int painLevel() {
    return painLevel;
  }

  public Set<Movement> triggers() {
    return fromMask(triggersMask, Movement.values(), Movement.class);
  }

  public MedicalSigns medicalSigns() {
    return MedicalSigns.of(
        fromMask(radiculopathyMask, PainSensation.values(), PainSensation.class),
        fromMask(radiatesMask, Limb.values(), Limb.class),
        fromMask(redFlagsMask, RedFlag.values(), RedFlag.class));
  }

  /** The newest event time seen in this athlete's own records, or {@link #NONE}. */
  public long clock() {
    return clock;
  }

  public long lastSampleAt() {
    return lastSampleAt;
  }

  public ActivityType lastActivity() {
    return lastActivity < 0 ? ActivityType.UNKNOWN : ActivityType.values()[lastActivity];
  }

  /**
   * The newest measured heart rate, null when the newest sample had none and no heart rate was
   * being measured then (samples without heart rate do not hide a measured one, see {@link
   * GuidanceSettings#heartRatePrecedence()}).
   */
  public Integer lastHeartRateBpm() {
    return lastHeartRateBpm == 0 ? null : lastHeartRateBpm;
  }

  /**
   * %HRR of the newest sample that counts for intensity (measured, or class-equivalent when no
   * heart rate is being measured), null before any sample.
   */
  public Integer lastIntensityHrrPct() {
    return lastIntensityHrrPct == Integer.MIN_VALUE ? null : lastIntensityHrrPct;
  }

  public long lastNonRestAt() {
    return lastNonRestAt;
  }

  /** Event time of the newest sample with a measured heart rate, or {@link #NONE}. */
  public long lastHeartRateAt() {
    return lastHeartRateAt;
  }

  /** Severity of the open alert, UNKNOWN when none is open. */
  public Severity openSeverity() {
    return Severity.values()[openSeverity];
  }

  /** RAISED or ESCALATED while an alert is open, UNKNOWN otherwise. */
  public AlertState openState() {
    return AlertState.values()[openState];
  }

  public List<Reason> openReasons() {
    return ReasonPolicy.ordered(fromMask(openReasonsMask, Reason.values(), Reason.class));
  }

  public long openedAt() {
    return openedAt;
  }

  /** The conditions that held at the last evaluation. */
  public Set<Reason> heldReasons() {
    return fromMask(heldReasonsMask, Reason.values(), Reason.class);
  }

  /** Earliest event time at which a stream-time tick can change anything; MAX_VALUE for never. */
  public long deadline() {
    return deadline;
  }

  // ---- encoding ----

  /** The deadline stored in an encoded state, read without decoding the rest (for the ticker). */
  public static long deadlineOf(byte[] encoded) {
    if (encoded == null || encoded.length < 9 || !knownVersion(encoded[0])) {
      return NONE; // unknown layout: let the caller decode it properly
    }
    return ByteBuffer.wrap(encoded, 1, 8).getLong();
  }

  public byte[] encode() {
    byte[] coach = utf8(coachId);
    byte[] report = utf8(reportId);
    int size =
        1 + 8 // version, deadline
            + 4 * 3 + 4 + length(coach) + 8 // profile
            + 4 + length(report) + 8 + 4 * 8 + 8 // pain
            + 8 * 5 + 4 * 4 + 8 + 8 + window.encodedSize() // activity
            + 4 * 3 + 8 * 2 + 4 + 8 * lastRaisedAt.length // alerts
            + 8; // version 2: lastHeartRateAt
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION_2).putLong(deadline);
    out.putInt(orZero(birthYear)).putInt(orZero(restingHeartRateBpm)).putInt(orZero(maxHeartRateBpm));
    putBytes(out, coach);
    out.putLong(profileUpdatedAt);
    putBytes(out, report);
    out.putLong(reportAt)
        .putInt(painLevel)
        .putInt(previousPainLevel)
        .putInt(triggersMask)
        .putInt(radiculopathyMask)
        .putInt(radiatesMask)
        .putInt(redFlagsMask)
        .putInt(previousCeilingPct)
        .putInt(risingActivity)
        .putLong(episodeStartAt);
    out.putLong(clock)
        .putLong(tickedAt)
        .putLong(lastSampleAt)
        .putLong(lastNonRestAt)
        .putLong(activity.newestBucket())
        .putInt(lastActivity)
        .putInt(lastHeartRateBpm)
        .putInt(lastIntensityHrrPct)
        .putInt(lastNonRestActivity)
        .putLong(activity.bits())
        .putLong(0L); // reserved
    window.writeTo(out);
    out.putInt(openSeverity).putInt(openState).putInt(openReasonsMask);
    out.putLong(openedAt).putLong(lastEvidenceAt);
    out.putInt(heldReasonsMask);
    for (long t : lastRaisedAt) {
      out.putLong(t);
    }
    out.putLong(lastHeartRateAt);
    return out.array();
  }

  /**
   * Reads an encoded state, of this version or an older one.
   *
   * @throws IllegalArgumentException when the bytes are not an athlete state this version knows
   */
  public static AthleteState decode(byte[] encoded, GuidanceSettings settings) {
    if (encoded == null || encoded.length == 0 || !knownVersion(encoded[0])) {
      throw new IllegalArgumentException(
          "Not an athlete state of a known version (first byte "
              + (encoded == null || encoded.length == 0 ? "missing" : encoded[0])
              + ").");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
      AthleteState s = new AthleteState(settings);
      s.deadline = in.getLong();
      s.birthYear = orNull(in.getInt());
      s.restingHeartRateBpm = orNull(in.getInt());
      s.maxHeartRateBpm = orNull(in.getInt());
      s.coachId = getString(in);
      s.profileUpdatedAt = in.getLong();
      s.reportId = getString(in);
      s.reportAt = in.getLong();
      s.painLevel = in.getInt();
      s.previousPainLevel = in.getInt();
      s.triggersMask = in.getInt();
      s.radiculopathyMask = in.getInt();
      s.radiatesMask = in.getInt();
      s.redFlagsMask = in.getInt();
      s.previousCeilingPct = in.getInt();
      s.risingActivity = in.getInt();
      s.episodeStartAt = in.getLong();
      s.clock = in.getLong();
      s.tickedAt = in.getLong();
      s.lastSampleAt = in.getLong();
      s.lastNonRestAt = in.getLong();
      long newestBucket = in.getLong();
      s.lastActivity = in.getInt();
      s.lastHeartRateBpm = in.getInt();
      s.lastIntensityHrrPct = in.getInt();
      s.lastNonRestActivity = in.getInt();
      s.activity = new ActivityBitmap(newestBucket, in.getLong());
      in.getLong(); // reserved
      s.window = ExertionWindow.readFrom(in, settings.windowSeconds());
      s.openSeverity = in.getInt();
      s.openState = in.getInt();
      s.openReasonsMask = in.getInt();
      s.openedAt = in.getLong();
      s.lastEvidenceAt = in.getLong();
      s.heldReasonsMask = in.getInt();
      for (int i = 0; i < s.lastRaisedAt.length; i++) {
        s.lastRaisedAt[i] = in.getLong();
      }
      if (encoded[0] >= VERSION_2) {
        s.lastHeartRateAt = in.getLong();
      }
      return s;
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Athlete state bytes are truncated or corrupt.", e);
    }
  }

  // ---- helpers ----

  private static boolean knownVersion(byte version) {
    return version == VERSION_1 || version == VERSION_2;
  }

  static <E extends Enum<E>> int mask(Collection<E> values) {
    int m = 0;
    for (E e : values) {
      if (e.ordinal() < 32) {
        m |= 1 << e.ordinal();
      }
    }
    return m;
  }

  static <E extends Enum<E>> Set<E> fromMask(int mask, E[] all, Class<E> type) {
    Set<E> out = EnumSet.noneOf(type);
    for (E e : all) {
      if (e.ordinal() < 32 && (mask & (1 << e.ordinal())) != 0) {
        out.add(e);
      }
    }
    return out;
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void putBytes(ByteBuffer out, byte[] bytes) {
    if (bytes == null) {
      out.putInt(-1);
    } else {
      out.putInt(bytes.length).put(bytes);
    }
  }

  private static String getString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    if (length > in.remaining()) {
      throw new IllegalArgumentException("string longer than the state");
    }
    byte[] bytes = new byte[length];
    in.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Integer orNull(int value) {
    return value == 0 ? null : value;
  }
}
