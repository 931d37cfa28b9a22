package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import java.nio.ByteBuffer;

/**
 * An athlete's medical referral (DOMAIN 3, 4), the lifecycle of its own beside the effort alerts:
 * opened by the first report with a radiculopathy sign or a red flag, it gathers every sign
 * reported while open and closes only on a level-0 report made after the last sign, or {@code
 * referral.close-after} after the last sign with none re-reported (safety invariant 2). Never
 * delayed by a cooldown, never withdrawn: a report is a fact, whenever it arrives.
 *
 * <p>Masks are {@link StateCodes} bits of the signs gathered. Times are event times; {@code
 * closedAt} is {@link AthleteState#NONE} while open.
 *
 * @param openedBy id of the report that opened it (part of every alert id of this referral)
 * @param updated whether news was sent for it since it was raised
 */
record Referral(
    long openedAt,
    String openedBy,
    long lastSignAt,
    int radiculopathy,
    int radiates,
    int redFlags,
    long closedAt,
    boolean updated) {

  static Referral opened(long at, String reportId, int radiculopathy, int radiates, int redFlags) {
    return new Referral(at, reportId, at, radiculopathy, radiates, redFlags, NONE, false);
  }

  boolean isOpen() {
    return closedAt == NONE;
  }

  /** Whether it was open at event time {@code t}. */
  boolean openAt(long t) {
    return openedAt <= t && (closedAt == NONE || t < closedAt);
  }

  /** When it closes by its limit with no sign re-reported: {@code closeAfter} after the last sign. */
  long closesAt(java.time.Duration closeAfter) {
    return lastSignAt + closeAfter.toMillis();
  }

  MedicalSigns signs() {
    return MedicalSigns.of(
        StateCodes.SENSATION.set(radiculopathy), StateCodes.LIMB.set(radiates), StateCodes.RED_FLAG.set(redFlags));
  }

  /** The signs of {@code report} this referral does not hold yet. */
  MedicalSigns newSigns(int reportRadiculopathy, int reportRadiates, int reportRedFlags) {
    return MedicalSigns.of(
        StateCodes.SENSATION.set(reportRadiculopathy & ~radiculopathy),
        StateCodes.LIMB.set(reportRadiates & ~radiates),
        StateCodes.RED_FLAG.set(reportRedFlags & ~redFlags));
  }

  /** The same referral with a report's signs added, seen at {@code at}. */
  Referral withSigns(long at, int moreRadiculopathy, int moreRadiates, int moreRedFlags) {
    boolean news =
        (moreRadiculopathy & ~radiculopathy) != 0 || (moreRadiates & ~radiates) != 0 || (moreRedFlags & ~redFlags) != 0;
    return new Referral(
        Math.min(openedAt, at),
        openedBy,
        Math.max(lastSignAt, at),
        radiculopathy | moreRadiculopathy,
        radiates | moreRadiates,
        redFlags | moreRedFlags,
        closedAt,
        updated || news);
  }

  Referral closed(long at) {
    return new Referral(openedAt, openedBy, lastSignAt, radiculopathy, radiates, redFlags, at, updated);
  }

  // ---- stored form: version 4's extension, between the pain episode and the trend ----

  /** Bytes {@link #writeOptional} needs for {@code referral} (null: never referred). */
  static int optionalEncodedSize(Referral referral) {
    return 1 + (referral == null ? 0 : 8 + 8 + 8 + 4 + 4 + 4 + 1 + StateBytes.stringSize(referral.openedBy()));
  }

  /**
   * A presence byte (0: never referred), then openedAt, lastSignAt, closedAt (longs), the three
   * sign masks (ints), updated (byte) and openedBy (string).
   */
  static void writeOptional(Referral referral, ByteBuffer out) {
    out.put((byte) (referral == null ? 0 : 1));
    if (referral != null) {
      out.putLong(referral.openedAt()).putLong(referral.lastSignAt()).putLong(referral.closedAt());
      out.putInt(referral.radiculopathy()).putInt(referral.radiates()).putInt(referral.redFlags());
      out.put((byte) (referral.updated() ? 1 : 0));
      StateBytes.putString(out, referral.openedBy());
    }
  }

  /** Reads {@link #writeOptional}'s bytes; null when the athlete was never referred. */
  static Referral readOptional(ByteBuffer in) {
    if (in.get() == 0) {
      return null;
    }
    long openedAt = in.getLong();
    long lastSignAt = in.getLong();
    long closedAt = in.getLong();
    int radiculopathy = in.getInt();
    int radiates = in.getInt();
    int redFlags = in.getInt();
    boolean updated = in.get() != 0;
    return new Referral(
        openedAt, StateBytes.getString(in), lastSignAt, radiculopathy, radiates, redFlags, closedAt, updated);
  }
}
