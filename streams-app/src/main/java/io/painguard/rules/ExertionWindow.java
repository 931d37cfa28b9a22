package io.painguard.rules;

import io.painguard.events.DeviceSource;
import java.nio.ByteBuffer;

/**
 * One athlete's recent activity, one slot a second, long enough to judge any detection window that
 * ends within the lateness bound: {@code window + max-lateness} plus a few seconds of context. A
 * late sample is written into its own second, and any window can be summed again as of any second
 * held -- "above the ceiling for 60 s of 120 s" is decided from the samples' own event times, not
 * from their arrival order, and again whenever the pain in force changes (a late report).
 *
 * <p>Each second holds two bytes. The <em>code</em>: {@link #EMPTY}, {@link #REST}, an intensity
 * class for samples without heart rate ({@link #LIGHT}, {@link #MODERATE}, {@link #VIGOROUS}) or
 * the heart rate itself (20-250 bpm). The <em>meta</em> byte: the activity's {@link StateCodes}
 * code (0 = no sample that second, bits 0-5), a bit for trunk flexion beyond the moderate range
 * (bit 6) and a bit saying the heart rate is a chest strap's (bit 7, {@link HeartRateSourceRank};
 * states written before it have it clear, which is what they hold). Only samples are stored; how
 * long a sample stands for its activity ({@code sampleHold}: until the athlete's next sample, at
 * most that long) and whether a measurement outranks a lesser one ({@code heartRatePrecedence}: a
 * measured heart rate an equipment estimate, a chest strap's heart rate any other device's) are
 * applied when summing, so the result does not depend on which device's sample arrived first. Two
 * samples in one second combine the same way in either order: a chest strap's heart rate beats any
 * other, a measured heart rate beats an estimate, the higher of two of a kind wins, an activity
 * beats rest.
 */
public final class ExertionWindow {

  public static final int EMPTY = 0;
  public static final int REST = 1;
  public static final int LIGHT = 2;
  public static final int MODERATE = 3;
  public static final int VIGOROUS = 4;
  /** Slot values from this one up are heart rates in bpm. */
  public static final int MIN_HEART_RATE = 20;

  static final int FLEXED = 0x40;
  static final int ACTIVITY_BITS = 0x3F;
  /** Meta bit: the second's heart rate is a chest strap's ({@link HeartRateSourceRank#ELECTRICAL}). */
  static final int STRAP = 0x80;
  /**
   * Marks a code from {@link #codeOf(boolean, Integer, IntensityClass, DeviceSource)} as a chest
   * strap's heart rate; {@link #add} stores it as the second's {@link #STRAP} bit.
   */
  public static final int STRAP_HEART_RATE = 0x100;
  /** Stored activity values are the code plus one; 0 means no sample in that second. */
  private static final int REST_ACTIVITY = StateCodes.ACTIVITY.code(io.painguard.events.ActivityType.REST) + 1;
  private static final long NONE = Long.MIN_VALUE;

  private byte[] codes;
  private byte[] meta;
  /** Array index of {@link #startSecond}. */
  private int head;
  private int length;
  private long startSecond = NONE;

  public ExertionWindow() {
    this(0);
  }

  private ExertionWindow(int capacity) {
    codes = new byte[capacity];
    meta = new byte[capacity];
  }

  /** The slot code of a sample: REST, the heart rate when measured, else the intensity class. */
  public static int codeOf(boolean rest, Integer heartRateBpm, IntensityClass intensity) {
    if (rest) {
      return REST;
    } else if (heartRateBpm != null) {
      return Math.max(MIN_HEART_RATE, Math.min(250, heartRateBpm));
    }
    return switch (intensity) {
      case LIGHT -> LIGHT;
      case MODERATE -> MODERATE;
      case VIGOROUS -> VIGOROUS;
    };
  }

  /**
   * The slot code of a sample as {@link #codeOf(boolean, Integer, IntensityClass)}, with {@link
   * #STRAP_HEART_RATE} on top when it is a heart rate from a source that outranks the others.
   */
  public static int codeOf(
      boolean rest, Integer heartRateBpm, IntensityClass intensity, DeviceSource source) {
    int code = codeOf(rest, heartRateBpm, intensity);
    return code >= MIN_HEART_RATE && HeartRateSourceRank.outranksOthers(source)
        ? code | STRAP_HEART_RATE
        : code;
  }

  public boolean isEmpty() {
    return length == 0;
  }

  /** The oldest second held, {@code Long.MIN_VALUE} when empty. */
  public long startSecond() {
    return length == 0 ? NONE : startSecond;
  }

  /** The newest second held, {@code Long.MIN_VALUE} when empty. */
  public long endSecond() {
    return length == 0 ? NONE : startSecond + length - 1;
  }

  /** Seconds held (with or without a sample). */
  public int span() {
    return length;
  }

  /**
   * Records a sample and forgets seconds before {@code oldestSecond}. Returns whether the stored
   * slot changed (false for a sample older than {@code oldestSecond}, or one that adds nothing to
   * what its second already holds).
   *
   * @param code a slot code, with {@link #STRAP_HEART_RATE} for a chest strap's heart rate
   */
  public boolean add(long second, int code, int activityCode, boolean flexed, long oldestSecond) {
    if (second < oldestSecond) {
      return false;
    }
    boolean strap = (code & STRAP_HEART_RATE) != 0 && (code & 0xFF) >= MIN_HEART_RATE;
    code &= 0xFF;
    if (length == 0) {
      ensureCapacity(1);
      head = 0;
      startSecond = second;
      length = 1;
      codes[0] = 0;
      meta[0] = 0;
    } else if (second < startSecond) {
      prepend((int) (startSecond - second));
    } else if (second > endSecond()) {
      long gap = second - endSecond();
      if (second - Math.max(oldestSecond, startSecond) >= (1 << 16)) {
        length = 0; // nothing held is still needed
        return add(second, code, activityCode, flexed, oldestSecond);
      }
      append((int) gap);
    }
    forgetBefore(oldestSecond);
    int i = head + (int) (second - startSecond);
    int oldCode = codes[i] & 0xFF;
    int oldMeta = meta[i] & 0xFF;
    boolean oldStrap = (oldMeta & STRAP) != 0;
    int newCode;
    boolean newStrap;
    if (oldStrap != strap) {
      // A chest strap's heart rate beats whatever else the second holds, whatever the values.
      newCode = strap ? code : oldCode;
      newStrap = true;
    } else {
      newCode = combineCode(oldCode, code);
      newStrap = strap;
    }
    int stored = Math.min(ACTIVITY_BITS, Math.max(0, activityCode) + 1);
    int newMeta =
        combineActivity(oldMeta & ACTIVITY_BITS, stored)
            | (oldMeta & FLEXED)
            | (flexed ? FLEXED : 0)
            | (newStrap ? STRAP : 0);
    codes[i] = (byte) newCode;
    meta[i] = (byte) newMeta;
    return newCode != oldCode || newMeta != oldMeta;
  }

  /** Forgets every second before {@code oldestSecond}. */
  public void forgetBefore(long oldestSecond) {
    if (length > 0 && oldestSecond > startSecond) {
      int drop = (int) Math.min(length, oldestSecond - startSecond);
      head += drop;
      length -= drop;
      startSecond += drop;
      if (length == 0) {
        head = 0;
        startSecond = NONE;
      }
    }
  }

  /** The code stored for a second, EMPTY outside what is held. */
  public int code(long second) {
    return holds(second) ? codes[index(second)] & 0xFF : EMPTY;
  }

  /** The activity code of a second's sample, -1 when it had none. */
  int activity(long second) {
    return holds(second) ? (meta[index(second)] & ACTIVITY_BITS) - 1 : -1;
  }

  /** The newest second in [notBefore, atOrBefore] with a sample of anything but rest, or MIN. */
  long lastNonRestSecond(long atOrBefore, long notBefore) {
    if (length == 0) {
      return NONE;
    }
    long from = Math.max(notBefore, startSecond);
    for (long s = Math.min(atOrBefore, endSecond()); s >= from; s--) {
      int a = meta[index(s)] & ACTIVITY_BITS;
      if (a != 0 && a != REST_ACTIVITY) {
        return s;
      }
    }
    return NONE;
  }

  /** The newest second in [notBefore, atOrBefore] with any sample, or MIN. */
  long lastSampleSecond(long atOrBefore, long notBefore) {
    if (length == 0) {
      return NONE;
    }
    long from = Math.max(notBefore, startSecond);
    for (long s = Math.min(atOrBefore, endSecond()); s >= from; s--) {
      if ((meta[index(s)] & ACTIVITY_BITS) != 0) {
        return s;
      }
    }
    return NONE;
  }

  /** The newest second in [notBefore, atOrBefore] holding a chest strap's heart rate, or MIN. */
  long lastStrapSecond(long atOrBefore, long notBefore) {
    if (length == 0) {
      return NONE;
    }
    long from = Math.max(notBefore, startSecond);
    for (long s = Math.min(atOrBefore, endSecond()); s >= from; s--) {
      if ((meta[index(s)] & STRAP) != 0) {
        return s;
      }
    }
    return NONE;
  }

  /** The first second at or after {@code from} with a sample, or MAX when there is none. */
  long nextSampleSecond(long from) {
    if (length == 0) {
      return Long.MAX_VALUE;
    }
    for (long s = Math.max(from, startSecond); s <= endSecond(); s++) {
      if ((meta[index(s)] & ACTIVITY_BITS) != 0) {
        return s;
      }
    }
    return Long.MAX_VALUE;
  }

  /**
   * Sums the {@code windowSeconds} that end at {@code nowSecond}.
   *
   * @param changeSecond first second judged against {@code ceilingFrom}; earlier seconds are judged
   *     against {@code ceilingBefore} (the pain report in force changed at that second)
   * @param ceilingBefore %HRR ceiling before {@code changeSecond}, -1 for none
   * @param ceilingFrom %HRR ceiling from {@code changeSecond} on, -1 for none
   */
  public WindowSummary summarize(
      long nowSecond,
      int windowSeconds,
      long changeSecond,
      int ceilingBefore,
      int ceilingFrom,
      HeartRateLimits limits,
      GuidanceSettings settings) {
    int hold = settings.sampleHoldSeconds();
    int precedence = settings.heartRatePrecedenceSeconds();
    long from = nowSecond - windowSeconds + 1;
    long to = Math.min(nowSecond, endSecond());
    if (length == 0 || to < from) {
      return WindowSummary.empty(windowSeconds);
    }
    long context = Math.max(startSecond, from - Math.max(hold, precedence));
    int above = 0;
    int active = 0;
    int hrCount = 0;
    long hrSum = 0;
    int peak = 0;
    double hrrSum = 0;
    double aboveHrrSum = 0;
    long lastAbove = NONE;
    int bends = 0;
    long lastBend = NONE;
    boolean previousFlexed = false;
    long lastHrSecond = NONE;
    int lastHrCode = EMPTY;
    long lastStrapSecond = NONE;
    int lastStrapCode = EMPTY;
    long lastSampleSecond = NONE;
    int lastEffective = EMPTY;
    // One pass by array index: this loop runs for every sample, so no per-second arithmetic
    // beyond what the rules need.
    int i = head + (int) (context - startSecond);
    for (long s = context; s <= to; s++, i++) {
      int code = codes[i] & 0xFF;
      int m = meta[i] & 0xFF;
      int effective;
      if (code >= MIN_HEART_RATE && (m & STRAP) != 0) {
        effective = code;
        lastStrapSecond = s;
        lastStrapCode = code;
        lastHrSecond = s;
        lastHrCode = code;
      } else if (code >= MIN_HEART_RATE
          && lastStrapSecond != NONE
          && s - lastStrapSecond <= precedence) {
        // Another device's heart rate while a chest strap measures (a wrist sensor locked onto
        // the running cadence): the strap decides, as an estimate yields to a heart rate below.
        effective = s - lastStrapSecond < hold ? lastStrapCode : EMPTY;
      } else if (code >= MIN_HEART_RATE) {
        effective = code;
        lastHrSecond = s;
        lastHrCode = code;
      } else if (code >= LIGHT && lastHrSecond != NONE && s - lastHrSecond <= precedence) {
        // An equipment estimate while a heart rate is being measured: the heart rate decides.
        effective = s - lastHrSecond < hold ? lastHrCode : EMPTY;
      } else if (code != EMPTY) {
        effective = code;
      } else {
        effective = lastSampleSecond != NONE && s - lastSampleSecond < hold ? lastEffective : EMPTY;
      }
      if (code != EMPTY) {
        lastSampleSecond = s;
        lastEffective = effective;
      }
      if (s < from) {
        continue;
      }
      boolean flexed = (m & FLEXED) != 0;
      if (flexed) {
        if (!previousFlexed) {
          bends++;
        }
        lastBend = s;
      }
      previousFlexed = flexed;
      if (effective == EMPTY || effective == REST) {
        continue;
      }
      active++;
      double pct;
      if (effective >= MIN_HEART_RATE) {
        pct = limits.reservePct(effective);
        hrCount++;
        hrSum += effective;
        peak = Math.max(peak, effective);
        hrrSum += pct;
      } else {
        pct = classOf(effective).equivalentHrrPct(settings);
      }
      int ceiling = s < changeSecond ? ceilingBefore : ceilingFrom;
      if (ceiling >= 0 && pct > ceiling) {
        above++;
        aboveHrrSum += pct;
        lastAbove = s;
      }
    }
    return new WindowSummary(
        windowSeconds,
        above,
        active,
        hrCount == 0 ? null : (int) Math.round((double) hrSum / hrCount),
        hrCount == 0 ? null : peak,
        hrCount == 0 ? null : (int) Math.round(hrrSum / hrCount),
        above == 0 ? 0 : aboveHrrSum / above,
        lastAbove,
        bends,
        lastBend);
  }

  /**
   * Bytes {@link #writeTo} needs. The codes are written as they are (heart rates change every
   * second); the meta bytes as runs (activity and bends change rarely), 3 bytes a run.
   */
  int encodedSize() {
    return length == 0 ? 2 : 2 + 8 + length + 2 + 3 * metaRuns();
  }

  /** Writes the seconds held; an empty window takes two bytes. */
  void writeTo(ByteBuffer out) {
    out.putShort((short) length);
    if (length == 0) {
      return;
    }
    out.putLong(startSecond);
    out.put(codes, head, length);
    // The run count goes in front of the runs; it is patched in once known, so the meta bytes
    // are walked once here (encodedSize walks them once more to size the buffer).
    int countAt = out.position();
    out.putShort((short) 0);
    int runs = 0;
    int end = head + length;
    int i = head;
    while (i < end) {
      byte value = meta[i];
      int run = 1;
      while (i + run < end && meta[i + run] == value && run < 0xFFFF) {
        run++;
      }
      out.putShort((short) run).put(value);
      i += run;
      runs++;
    }
    out.putShort(countAt, (short) runs);
  }

  static ExertionWindow readFrom(ByteBuffer in) {
    int stored = in.getShort() & 0xFFFF;
    ExertionWindow w = new ExertionWindow(stored + 2);
    if (stored == 0) {
      return w;
    }
    w.startSecond = in.getLong();
    in.get(w.codes, 0, stored);
    int runs = in.getShort() & 0xFFFF;
    int at = 0;
    for (int r = 0; r < runs; r++) {
      int run = in.getShort() & 0xFFFF;
      byte value = in.get();
      if (at + run > stored) {
        throw new IllegalArgumentException("activity runs longer than the history");
      }
      java.util.Arrays.fill(w.meta, at, at + run, value);
      at += run;
    }
    if (at != stored) {
      throw new IllegalArgumentException("activity runs shorter than the history");
    }
    w.length = stored;
    return w;
  }

  private int metaRuns() {
    int runs = 0;
    int end = head + length;
    for (int i = head; i < end; ) {
      byte value = meta[i];
      int run = 1;
      while (i + run < end && meta[i + run] == value && run < 0xFFFF) {
        run++;
      }
      runs++;
      i += run;
    }
    return runs;
  }

  /** A window holding what a version-2 state's 120-second ring held (carried seconds included). */
  static ExertionWindow fromLegacy(long endSecond, byte[] slots, long[] flexion, int activityCode) {
    ExertionWindow w = new ExertionWindow();
    int n = slots.length;
    for (long s = endSecond - n + 1; s <= endSecond; s++) {
      int i = (int) Math.floorMod(s, (long) n);
      int code = slots[i] & 0xFF;
      boolean flexed = (flexion[i >>> 6] & (1L << (i & 63))) != 0;
      if (code != EMPTY || flexed) {
        int activity = code == REST ? REST_ACTIVITY - 1 : activityCode;
        w.add(s, code, activity, flexed, Long.MIN_VALUE);
      }
    }
    return w;
  }

  private static int combineCode(int old, int code) {
    if (code == EMPTY) {
      return old;
    } else if (old == EMPTY) {
      return code;
    }
    boolean oldHr = old >= MIN_HEART_RATE;
    boolean newHr = code >= MIN_HEART_RATE;
    if (oldHr != newHr) {
      return oldHr ? old : code;
    }
    return Math.max(old, code);
  }

  private static int combineActivity(int old, int activity) {
    if (activity == 0) {
      return old;
    } else if (old == 0) {
      return activity;
    }
    boolean oldRest = old == REST_ACTIVITY;
    boolean newRest = activity == REST_ACTIVITY;
    if (oldRest != newRest) {
      return oldRest ? activity : old;
    }
    return Math.max(old, activity);
  }

  private boolean holds(long second) {
    return length > 0 && second >= startSecond && second - startSecond < length;
  }

  private int index(long second) {
    return head + (int) (second - startSecond);
  }

  private void append(int seconds) {
    ensureCapacity(length + seconds);
    java.util.Arrays.fill(codes, head + length, head + length + seconds, (byte) 0);
    java.util.Arrays.fill(meta, head + length, head + length + seconds, (byte) 0);
    length += seconds;
  }

  private void prepend(int seconds) {
    byte[] c = new byte[length + seconds + 8];
    byte[] m = new byte[length + seconds + 8];
    System.arraycopy(codes, head, c, seconds, length);
    System.arraycopy(meta, head, m, seconds, length);
    codes = c;
    meta = m;
    head = 0;
    length += seconds;
    startSecond -= seconds;
  }

  /** Room for {@code needed} seconds from {@link #head}, moving or growing the arrays. */
  private void ensureCapacity(int needed) {
    if (head + needed <= codes.length) {
      return;
    }
    byte[] c = codes;
    byte[] m = meta;
    if (needed > codes.length) {
      int capacity = Math.max(needed + 16, codes.length + (codes.length >> 1));
      c = new byte[capacity];
      m = new byte[capacity];
    }
    System.arraycopy(codes, head, c, 0, length);
    System.arraycopy(meta, head, m, 0, length);
    codes = c;
    meta = m;
    head = 0;
  }

  private static IntensityClass classOf(int code) {
    return switch (code) {
      case VIGOROUS -> IntensityClass.VIGOROUS;
      case MODERATE -> IntensityClass.MODERATE;
      default -> IntensityClass.LIGHT;
    };
  }
}
