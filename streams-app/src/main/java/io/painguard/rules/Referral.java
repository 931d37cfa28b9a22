package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

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
}
