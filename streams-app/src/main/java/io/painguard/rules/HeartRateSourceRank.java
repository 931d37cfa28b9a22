package io.painguard.rules;

import io.painguard.events.DeviceSource;

/**
 * Which device's heart rate counts when two devices measure it over the same seconds. A chest
 * strap reads the heart's electrical signal (ECG), the reference for heart rate; an optical sensor
 * (a wrist wearable, a smart ring, a phone camera) reads blood-volume pulses through the skin and
 * is known to lock onto the running cadence -- a runner at 165 steps a minute reads "165 bpm" with
 * the heart at 130 -- and equipment hand grips read a contact pulse only while held. So a chest
 * strap's heart rate outranks every other one, whatever the values; among the others the higher
 * one wins, as before (see {@link ExertionWindow}).
 *
 * <p>The table is explicit per symbol, never by enum ordinal: a new {@code DeviceSource} symbol
 * does not compile until it is ranked here. The history stores one bit for the rank, so there are
 * two ranks.
 */
public final class HeartRateSourceRank {

  /** A heart rate from any source but a chest strap (and from a sample with no source). */
  public static final int OTHER = 0;
  /** A heart rate from the heart's electrical signal: a chest strap. */
  public static final int ELECTRICAL = 1;

  private HeartRateSourceRank() {}

  /** The rank of a heart rate measured by {@code source}; {@link #OTHER} for none given. */
  public static int of(DeviceSource source) {
    if (source == null) {
      return OTHER;
    }
    return switch (source) {
      case CHEST_STRAP -> ELECTRICAL; // ECG: the reference
      case WRIST_WEARABLE, SMART_RING, PHONE -> OTHER; // optical: locks onto cadence
      case TREADMILL, STATIONARY_BIKE, ROWING_MACHINE, ELLIPTICAL_MACHINE, STRENGTH_MACHINE ->
          OTHER; // hand grips or a paired sensor of unknown kind
      case UNKNOWN -> OTHER; // nothing says it is a strap
    };
  }

  /** Whether a heart rate from {@code source} outranks one from any other kind of device. */
  public static boolean outranksOthers(DeviceSource source) {
    return of(source) == ELECTRICAL;
  }
}
