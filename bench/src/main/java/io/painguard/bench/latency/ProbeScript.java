package io.painguard.bench.latency;

import io.painguard.events.ActivityEvent;
import io.painguard.events.ActivityType;
import io.painguard.events.AthleteProfile;
import io.painguard.events.BodyRegion;
import io.painguard.events.DeviceSource;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The tagged overexertion episode the latency phase times: an athlete with a known profile (resting
 * 60, maximum 190 bpm) reports moderate back pain (level 5, ceiling 60 % of heart-rate reserve) and
 * then runs at 170 bpm (85 % HRR), one sample per second of event time. After about a minute above
 * the ceiling the app raises REDUCE_INTENSITY / SUSTAINED_HIGH_INTENSITY; the alert's event time
 * is the sample that completed the evidence, which tells which send to time it from.
 *
 * <p>Probe athletes have ids {@value #ID_PREFIX}... so they never collide with the load's athletes.
 */
public final class ProbeScript {

  public static final String ID_PREFIX = "probe-";
  public static final int RESTING_BPM = 60;
  public static final int MAX_BPM = 190;
  public static final int PAIN_LEVEL = 5;
  public static final int RUNNING_BPM = 170;

  private ProbeScript() {}

  public static String athleteId(int lane, int generation) {
    return String.format("%s%03d-%05d", ID_PREFIX, lane, generation);
  }

  /**
   * The id of a probe of a numbered latency window: windows of one run never share a probe athlete,
   * whose state (an alert already raised) would change what the next window measures.
   */
  public static String athleteId(int window, int lane, int generation) {
    return String.format("%sw%d-%03d-%05d", ID_PREFIX, window, lane, generation);
  }

  public static boolean isProbe(String athleteId) {
    return athleteId != null && athleteId.startsWith(ID_PREFIX);
  }

  /** The profile, stamped just before the episode starts at {@code t0}. */
  public static AthleteProfile profile(String athleteId, long t0) {
    return new AthleteProfile(athleteId, Instant.ofEpochMilli(t0 - 1_000), 1990, RESTING_BPM, MAX_BPM, "coach-probe");
  }

  /** The pain report opening the episode at {@code t0}: moderate, no triggers, no medical signs. */
  public static PainReport pain(String athleteId, long t0) {
    return new PainReport(
        athleteId + "-pain",
        athleteId,
        Instant.ofEpochMilli(t0),
        PAIN_LEVEL,
        BodyRegion.LOWER_BACK,
        PainOnset.AT_REST,
        new ArrayList<>(List.of(PainSensation.ACHING)),
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        null);
  }

  /** Sample number {@code n} (1-based) of the run, {@code n} seconds after {@code t0}. */
  public static ActivityEvent sample(String athleteId, long t0, int n) {
    long t = sampleTime(t0, n);
    return new ActivityEvent(
        athleteId + "-" + n,
        athleteId,
        Instant.ofEpochMilli(t),
        ActivityType.RUNNING,
        DeviceSource.WRIST_WEARABLE,
        null,
        RUNNING_BPM,
        160,
        null,
        3.2f,
        null,
        null);
  }

  public static long sampleTime(long t0, int n) {
    return t0 + n * 1_000L;
  }
}
