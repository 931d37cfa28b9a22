package io.painguard.simulator.load;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import io.painguard.simulator.physiology.Physiology;
import io.painguard.simulator.physiology.PhysiologyGenerator;
import java.time.ZoneOffset;
import java.util.random.RandomGenerator;

/**
 * State of every load athlete in primitive arrays (struct of arrays): ~100 bytes per athlete, so
 * 100,000 athletes fit in about 10 MB and no athlete needs an object or a thread of its own.
 */
final class AthletePopulation {

  static final byte PUBLISH_PROFILE = 1;
  static final byte PUBLISH_RESTING = 1 << 1;
  static final byte PUBLISH_MAX = 1 << 2;
  static final byte OVEREXERTS = 1 << 3;
  static final byte COMPLIES = 1 << 4;
  static final byte COMPLIED = 1 << 5;

  /** No event scheduled. */
  static final int NEVER = -1;

  final int size;
  final String[] ids;
  final String[] coachIds;
  final short[] birthYear;
  final short[] restingHr;
  final short[] maxHr;
  final short[] peakPower;
  final byte[] flags;

  // Heart
  final float[] heartRate;
  final float[] drift;
  final float[] effortSeconds;

  // Current segment
  final byte[] activity;
  final byte[] device;
  final float[] intensity;
  final int[] segmentRemaining;
  final int[] secondsInSegment;
  final short[] secondsAboveCeiling;

  // Pain episode (rounds are seconds of event time since the start)
  final byte[] painLevel;
  final byte[] episodeLevel;
  final int[] episodeStart;
  final int[] painRise;
  final int[] episodeEnd;

  AthletePopulation(LoadSettings settings, RandomGenerator random) {
    size = settings.athletes();
    ids = new String[size];
    coachIds = new String[Math.max(1, (size + 19) / 20)];
    birthYear = new short[size];
    restingHr = new short[size];
    maxHr = new short[size];
    peakPower = new short[size];
    flags = new byte[size];
    heartRate = new float[size];
    drift = new float[size];
    effortSeconds = new float[size];
    activity = new byte[size];
    device = new byte[size];
    intensity = new float[size];
    segmentRemaining = new int[size];
    secondsInSegment = new int[size];
    secondsAboveCeiling = new short[size];
    painLevel = new byte[size];
    episodeLevel = new byte[size];
    episodeStart = new int[size];
    painRise = new int[size];
    episodeEnd = new int[size];

    int width = Math.max(6, String.valueOf(size).length());
    String idFormat = "load-%0" + width + "d";
    for (int c = 0; c < coachIds.length; c++) {
      coachIds[c] = String.format("coach-%04d", c + 1);
    }
    int year = settings.start().atZone(ZoneOffset.UTC).getYear();
    for (int i = 0; i < size; i++) {
      ids[i] = String.format(idFormat, i + 1);
      Physiology body = PhysiologyGenerator.draw(random, year);
      birthYear[i] = (short) body.birthYear();
      restingHr[i] = (short) body.restingHeartRate();
      maxHr[i] = (short) body.maxHeartRate();
      peakPower[i] = (short) body.peakPowerWatts();
      heartRate[i] = body.restingHeartRate();
      byte f = 0;
      if (random.nextDouble() < settings.profileShare()) {
        f |= PUBLISH_PROFILE;
      }
      if (random.nextDouble() < 0.85) {
        f |= PUBLISH_RESTING;
      }
      if (random.nextDouble() < 0.7) {
        f |= PUBLISH_MAX;
      }
      episodeStart[i] = NEVER;
      painRise[i] = NEVER;
      episodeEnd[i] = NEVER;
      if (random.nextDouble() < settings.painShare()) {
        if (random.nextDouble() < settings.overexertShare()) {
          f |= OVEREXERTS;
        }
        if (random.nextDouble() < settings.complyProbability()) {
          f |= COMPLIES;
        }
        // Episodes open during the first 5 minutes and last 30-90 minutes of event time.
        episodeStart[i] = random.nextInt(300);
        episodeEnd[i] = episodeStart[i] + 1800 + random.nextInt(3600);
        episodeLevel[i] = (byte) PainEpisodes.drawLevel(random);
        if (random.nextDouble() < 0.1) {
          painRise[i] = episodeStart[i] + 300 + random.nextInt(900);
        }
      }
      flags[i] = f;
      // Everybody starts resting, for a staggered while, so sessions do not all begin at once.
      activity[i] = (byte) ActivityType.REST.ordinal();
      device[i] = (byte) DeviceSource.WRIST_WEARABLE.ordinal();
      segmentRemaining[i] = 30 + random.nextInt(270);
    }
  }

  boolean has(int i, byte flag) {
    return (flags[i] & flag) != 0;
  }

  Physiology body(int i) {
    return new Physiology(birthYear[i], restingHr[i], maxHr[i], peakPower[i]);
  }

  String coachOf(int i) {
    return coachIds[i / 20 % coachIds.length];
  }
}
