package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.AlertState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the layouts released before version 3 and upgrades them. Version 1 is version 2 without
 * the trailing {@code lastHeartRateAt}. Their enum values were ordinals and masks ordinal bits of
 * the contract's enums as they were then -- the first entries of the {@link StateCodes} tables --
 * and severities ordinals of {@code Severity} then (UNKNOWN, ADVISORY, REDUCE_INTENSITY,
 * STOP_ACTIVITY, SEEK_MEDICAL_ATTENTION).
 *
 * <p>The upgrade keeps the profile, the report in force (and a stand-in for the one before it, so
 * the window keeps its earlier ceiling), the activity, the 120-second ring as history, the open
 * alert, and one transition per severity raised (for cooldowns).
 */
final class LegacyStateDecoder {

  private LegacyStateDecoder() {}

  static AthleteState decode(byte[] encoded, GuidanceSettings settings) {
    byte version = encoded[0];
    ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
    long deadline = in.getLong();
    Integer birthYear = orNull(in.getInt());
    Integer resting = orNull(in.getInt());
    Integer max = orNull(in.getInt());
    String coach = getString(in);
    long profileUpdatedAt = in.getLong();
    String reportId = getString(in);
    long reportAt = in.getLong();
    int painLevel = in.getInt();
    int previousPainLevel = in.getInt();
    int triggers = in.getInt();
    int radiculopathy = in.getInt();
    int radiates = in.getInt();
    int redFlags = in.getInt();
    in.getInt(); // previousCeilingPct: re-derived from the stand-in previous report
    int risingActivity = in.getInt();
    long episodeStartAt = in.getLong();
    long clock = in.getLong();
    long tickedAt = in.getLong();
    long lastSampleAt = in.getLong();
    long lastNonRestAt = in.getLong();
    in.getLong(); // activity bitmap's newest bucket: the ring says the same
    int lastActivity = in.getInt();
    int lastHeartRateBpm = in.getInt();
    int lastIntensityHrrPct = in.getInt();
    int lastNonRestActivity = in.getInt();
    in.getLong(); // activity bitmap bits
    in.getLong(); // reserved
    ExertionWindow window = readRing(in, lastNonRestActivity);
    int openSeverity = in.getInt();
    int openState = in.getInt();
    int openReasons = in.getInt();
    long openedAt = in.getLong();
    long lastEvidenceAt = in.getLong();
    int heldReasons = in.getInt();
    long[] lastRaisedAt = new long[5];
    for (int i = 0; i < lastRaisedAt.length; i++) {
      lastRaisedAt[i] = in.getLong();
    }
    long lastHeartRateAt = version >= AthleteStateCodec.VERSION_2 ? in.getLong() : NONE;
    if (in.hasRemaining()) {
      throw new IllegalArgumentException("trailing bytes");
    }

    List<AthleteState.Report> reports = new ArrayList<>(2);
    if (reportId != null) {
      if (previousPainLevel > 0) {
        reports.add(new AthleteState.Report(reportAt - 1, reportId + "#previous", previousPainLevel, 0, 0, 0, 0, 0));
      }
      reports.add(
          new AthleteState.Report(
              reportAt, reportId, painLevel, triggers, radiculopathy, radiates, redFlags,
              Math.max(0, risingActivity)));
    }
    // Codes equal the ordinals of that time (see StateCodes), so the values carry over as they are.
    int openRank = SeverityRank.of(StateCodes.SEVERITY_V2.of(openSeverity));
    List<AthleteState.Transition> transitions = new ArrayList<>(2);
    for (int ordinal = 1; ordinal < lastRaisedAt.length; ordinal++) {
      if (lastRaisedAt[ordinal] != NONE) {
        int rank = SeverityRank.of(StateCodes.SEVERITY_V2.of(ordinal));
        boolean theOpenOne = rank == openRank && openRank != SeverityRank.NONE;
        transitions.add(
            new AthleteState.Transition(
                lastRaisedAt[ordinal],
                theOpenOne ? openState : AthleteState.RAISED,
                rank,
                theOpenOne ? openReasons : 0));
      }
    }
    if (openRank != SeverityRank.NONE && openState == StateCodes.ALERT_STATE.code(AlertState.RAISED)
        && transitions.stream().noneMatch(t -> t.rank() == openRank)) {
      transitions.add(new AthleteState.Transition(openedAt, openState, openRank, openReasons));
    }
    // Version 3 keeps transitions oldest first (the per-severity ones above are not).
    transitions.sort(Comparator.comparingLong(AthleteState.Transition::at));
    return new AthleteState(
        deadline,
        new KnownProfile(profileUpdatedAt, birthYear, resting, max, coach),
        new PainHistory(reports, episodeStartAt), // the episode start then is the floor as of these reports
        new NewestSample(
            clock,
            tickedAt,
            lastSampleAt,
            Math.max(0, lastActivity),
            lastHeartRateBpm,
            lastIntensityHrrPct,
            lastHeartRateAt,
            lastNonRestAt),
        window,
        new EffortLifecycle(openRank, openState, openReasons, openedAt, lastEvidenceAt, heldReasons, transitions),
        null); // the referral: adopted from an open SEEK alert by AthleteStateCodec
  }

  /** The 120-second ring: length, newest second, one byte a second, flexion bits. */
  private static ExertionWindow readRing(ByteBuffer in, int activity) {
    int stored = in.getShort() & 0xFFFF;
    if (stored == 0) {
      return new ExertionWindow();
    }
    long end = in.getLong();
    byte[] slots = new byte[stored];
    in.get(slots);
    long[] flexion = new long[(stored + 63) / 64];
    for (int i = 0; i < flexion.length; i++) {
      flexion[i] = in.getLong();
    }
    return ExertionWindow.fromLegacy(end, slots, flexion, Math.max(0, activity));
  }

  private static String getString(ByteBuffer in) {
    return StateBytes.utf8(in, in.getInt()); // v1 and v2 wrote an int length
  }

  private static Integer orNull(int value) {
    return value == 0 ? null : value;
  }
}
