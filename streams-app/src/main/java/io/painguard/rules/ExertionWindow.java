package io.painguard.rules;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The last N seconds of one athlete's activity, one byte a second, in a ring indexed by epoch
 * second: enough to decide "above the ceiling for 60 s of 120 s" again whenever the ceiling changes
 * (a late pain report, a profile update) without keeping any sample.
 *
 * <p>A slot holds {@link #EMPTY}, {@link #REST}, an intensity class for samples without heart rate
 * ({@link #LIGHT}, {@link #MODERATE}, {@link #VIGOROUS}), or the heart rate itself (20-250 bpm). A
 * second bit set marks seconds with trunk flexion beyond the moderate range. A sample stands for
 * its activity until the next one, for at most {@code holdSeconds}, so devices that report every
 * few seconds are measured fairly while a lone spike never is.
 */
public final class ExertionWindow {

  public static final int EMPTY = 0;
  public static final int REST = 1;
  public static final int LIGHT = 2;
  public static final int MODERATE = 3;
  public static final int VIGOROUS = 4;
  /** Slot values from this one up are heart rates in bpm. */
  public static final int MIN_HEART_RATE = 20;

  private static final long NONE = Long.MIN_VALUE;

  private final byte[] slots;
  private final long[] flexion;
  private long endSecond = NONE;

  public ExertionWindow(int seconds) {
    this.slots = new byte[seconds];
    this.flexion = new long[(seconds + 63) / 64];
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

  public int size() {
    return slots.length;
  }

  public boolean isEmpty() {
    return endSecond == NONE;
  }

  /** The newest second held, or {@code Long.MIN_VALUE} when empty. */
  public long endSecond() {
    return endSecond;
  }

  /**
   * Records a sample. Returns false (and changes nothing) when the second is already older than
   * the window. A measured heart rate wins over a class-only sample in the same second; {@link
   * #EMPTY} never replaces what a second already holds.
   */
  public boolean add(long second, int code, boolean flexed, int holdSeconds) {
    int n = slots.length;
    if (endSecond == NONE || second - endSecond >= n) {
      clear();
      endSecond = second;
    } else if (second > endSecond) {
      int carried = slot(endSecond);
      for (long s = endSecond + 1; s < second; s++) {
        set(s, s - endSecond < holdSeconds ? carried : EMPTY);
        setFlexed(s, false);
      }
      set(second, EMPTY);
      setFlexed(second, false);
      endSecond = second;
    } else if (second <= endSecond - n) {
      return false;
    }
    int old = slot(second);
    if (code != EMPTY && (code >= MIN_HEART_RATE || old < MIN_HEART_RATE)) {
      set(second, code);
    }
    if (flexed) {
      setFlexed(second, true);
    }
    return true;
  }

  /**
   * Records a sample whose own intensity does not count: one without heart rate while the
   * athlete's heart rate is being measured (a wrist sensor on a stationary bike). It still moves
   * the window on and records a bend; its second stands for the measured heart rate of {@code
   * heartRateSecond} for as long as that sample's hold lasts, and for nothing after -- so with or
   * without the equipment the window holds the same heart rates.
   */
  public boolean addHeld(long second, long heartRateSecond, boolean flexed, int holdSeconds) {
    int code = EMPTY;
    if (second >= heartRateSecond
        && second - heartRateSecond < holdSeconds
        && holds(heartRateSecond)
        && slot(heartRateSecond) >= MIN_HEART_RATE) {
      code = slot(heartRateSecond);
    }
    return add(second, code, flexed, holdSeconds);
  }

  /** Forgets everything once the newest second has left the window as of {@code nowSecond}. */
  public void expire(long nowSecond) {
    if (endSecond != NONE && nowSecond - endSecond >= slots.length) {
      clear();
    }
  }

  /**
   * Sums the window that ends at {@code nowSecond}.
   *
   * @param changeSecond first second judged against {@code ceilingFrom}; earlier seconds are judged
   *     against {@code ceilingBefore} (the pain report in force changed at that second)
   * @param ceilingBefore %HRR ceiling before {@code changeSecond}, -1 for none
   * @param ceilingFrom %HRR ceiling from {@code changeSecond} on, -1 for none
   */
  public WindowSummary summarize(
      long nowSecond,
      long changeSecond,
      int ceilingBefore,
      int ceilingFrom,
      HeartRateLimits limits,
      GuidanceSettings settings) {
    int n = slots.length;
    if (endSecond == NONE || nowSecond - endSecond >= n) {
      return WindowSummary.empty(n);
    }
    long from = Math.max(endSecond, nowSecond) - n + 1;
    long to = Math.min(endSecond, nowSecond);
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
    // Walk the ring by index rather than calling slot(s) and index(s) per second: this loop runs over the whole
    // window for every sample, and a floorMod per second was a tenth of the app's CPU.
    int i = index(from);
    for (long s = from; s <= to; s++, i = i + 1 == n ? 0 : i + 1) {
      int code = slots[i] & 0xFF;
      boolean flexed = (flexion[i >>> 6] & (1L << (i & 63))) != 0;
      if (flexed) {
        if (!previousFlexed) {
          bends++;
        }
        lastBend = s;
      }
      previousFlexed = flexed;
      if (code == EMPTY || code == REST) {
        continue;
      }
      active++;
      double pct;
      if (code >= MIN_HEART_RATE) {
        pct = limits.reservePct(code);
        hrCount++;
        hrSum += code;
        peak = Math.max(peak, code);
        hrrSum += pct;
      } else {
        pct = classOf(code).equivalentHrrPct(settings);
      }
      int ceiling = s < changeSecond ? ceilingBefore : ceilingFrom;
      if (ceiling >= 0 && pct > ceiling) {
        above++;
        aboveHrrSum += pct;
        lastAbove = s;
      }
    }
    return new WindowSummary(
        n,
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

  /** Bytes {@link #writeTo} needs. */
  int encodedSize() {
    return endSecond == NONE ? 2 : 2 + 8 + slots.length + flexion.length * 8;
  }

  /** Writes the window; an empty one takes two bytes. */
  void writeTo(ByteBuffer out) {
    if (endSecond == NONE) {
      out.putShort((short) 0);
      return;
    }
    out.putShort((short) slots.length);
    out.putLong(endSecond);
    out.put(slots);
    for (long word : flexion) {
      out.putLong(word);
    }
  }

  /** Reads a window; one stored with another length (the setting changed) comes back empty. */
  static ExertionWindow readFrom(ByteBuffer in, int seconds) {
    ExertionWindow window = new ExertionWindow(seconds);
    int stored = in.getShort() & 0xFFFF;
    if (stored == 0) {
      return window;
    }
    long end = in.getLong();
    byte[] storedSlots = new byte[stored];
    in.get(storedSlots);
    long[] storedFlexion = new long[(stored + 63) / 64];
    for (int i = 0; i < storedFlexion.length; i++) {
      storedFlexion[i] = in.getLong();
    }
    if (stored == seconds) {
      System.arraycopy(storedSlots, 0, window.slots, 0, stored);
      System.arraycopy(storedFlexion, 0, window.flexion, 0, storedFlexion.length);
      window.endSecond = end;
    }
    return window;
  }

  private void clear() {
    Arrays.fill(slots, (byte) 0);
    Arrays.fill(flexion, 0L);
    endSecond = NONE;
  }

  private boolean holds(long second) {
    return endSecond != NONE && second <= endSecond && endSecond - second < slots.length;
  }

  private int index(long second) {
    return (int) Math.floorMod(second, (long) slots.length);
  }

  private int slot(long second) {
    return slots[index(second)] & 0xFF;
  }

  private void set(long second, int code) {
    slots[index(second)] = (byte) code;
  }

  private void setFlexed(long second, boolean value) {
    int i = index(second);
    if (value) {
      flexion[i >>> 6] |= 1L << (i & 63);
    } else {
      flexion[i >>> 6] &= ~(1L << (i & 63));
    }
  }

  private static IntensityClass classOf(int code) {
    return switch (code) {
      case VIGOROUS -> IntensityClass.VIGOROUS;
      case MODERATE -> IntensityClass.MODERATE;
      default -> IntensityClass.LIGHT;
    };
  }
}
