package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.util.List;
import java.util.Set;

/**
 * Everything PainGuard remembers about one athlete, and the only class that changes it: the
 * profile, the pain reports in force over the lateness bound, the per-second activity history
 * ({@link ExertionWindow}) and the alert lifecycle with the transitions emitted over the same
 * bound. {@link AthleteGuard} decides; it changes the state only through the methods below, named
 * for what they record. {@link ConditionEvaluator} only reads.
 *
 * <p>This class is the face of the state; its parts hold the fields, one concern each: {@link
 * KnownProfile}, {@link PainHistory} (reports, episode, trend), {@link NewestSample} (the clock and
 * the newest sample), {@link ExertionWindow}, {@link EffortLifecycle} and the {@link Referral}.
 *
 * <p>It has its own compact, versioned binary form ({@link #encode()}, {@link #decode(byte[],
 * GuidanceSettings)}), written and read by {@link AthleteStateCodec}; every released version has
 * golden bytes under {@code src/test/resources/athlete-state}.
 *
 * <p>Times are epoch milliseconds of event time; {@link #NONE} means "never".
 */
public final class AthleteState {

  /** "Never" / "not known" for times. */
  public static final long NONE = Long.MIN_VALUE;

  // The stored versions; see AthleteStateCodec for what each holds.
  static final byte VERSION_1 = AthleteStateCodec.VERSION_1;
  static final byte VERSION_2 = AthleteStateCodec.VERSION_2;
  static final byte VERSION_3 = AthleteStateCodec.VERSION_3;
  static final byte VERSION_4 = AthleteStateCodec.VERSION_4;

  /**
   * One pain report, without its note. Masks are {@link StateCodes} bits; {@code radiculopathy}
   * holds the radiculopathy sensations, {@code sensations} every sensation reported. {@code
   * risingActivity} is the activity's code plus one during which the pain rose by the rise
   * threshold (0 for none); {@code sharpActivity} the same for sharp or stabbing pain reported
   * while active.
   */
  record Report(
      long at,
      String id,
      int level,
      int triggers,
      int radiculopathy,
      int radiates,
      int redFlags,
      int risingActivity,
      int onset,
      int sensations,
      int sharpActivity) {

    /** A report as version 3 stored it: no onset, sensations known only as far as radiculopathy. */
    Report(long at, String id, int level, int triggers, int radiculopathy, int radiates, int redFlags, int risingActivity) {
      this(at, id, level, triggers, radiculopathy, radiates, redFlags, risingActivity, 0, radiculopathy, 0);
    }

    boolean medical() {
      return radiculopathy != 0 || radiates != 0 || redFlags != 0;
    }

    PainOnset onsetSymbol() {
      return StateCodes.ONSET.of(onset);
    }

    Report withRisingActivity(int activityCode) {
      return new Report(
          at, id, level, triggers, radiculopathy, radiates, redFlags, activityCode, onset, sensations, sharpActivity);
    }

    Report withSharpActivity(int activityCode) {
      return new Report(
          at, id, level, triggers, radiculopathy, radiates, redFlags, risingActivity, onset, sensations, activityCode);
    }

    Report withExtras(int onsetCode, int sensationMask, int sharpActivityCode) {
      return new Report(
          at, id, level, triggers, radiculopathy, radiates, redFlags, risingActivity, onsetCode, sensationMask,
          sharpActivityCode);
    }
  }

  /** One alert transition as emitted: its id is derived from exactly these fields. */
  record Transition(long at, int state, int rank, int reasons) {
    boolean opens() {
      return state == RAISED || state == ESCALATED;
    }

    /** Whether the alert is open after it (RAISED, ESCALATED or UPDATED). */
    boolean leavesOpen() {
      return state != RESOLVED;
    }

    AlertState alertState() {
      return StateCodes.ALERT_STATE.of(state);
    }

    Severity severity() {
      return SeverityRank.severity(rank);
    }

    List<Reason> reasonList() {
      return ReasonPolicy.ordered(StateCodes.REASON.set(reasons));
    }
  }

  static final int RAISED = StateCodes.ALERT_STATE.code(AlertState.RAISED);
  static final int ESCALATED = StateCodes.ALERT_STATE.code(AlertState.ESCALATED);
  static final int RESOLVED = StateCodes.ALERT_STATE.code(AlertState.RESOLVED);
  static final int UPDATED = StateCodes.ALERT_STATE.code(AlertState.UPDATED);

  private final KnownProfile profile;
  private final PainHistory pain;
  /** The referral lifecycle (null: never referred). */
  private Referral referral;
  private final NewestSample newest;
  private final ExertionWindow window;
  private final EffortLifecycle effort;

  /** Earliest event time at which a stream-time tick may change this state; see AthleteGuard. */
  private long deadline;

  public AthleteState(GuidanceSettings settings) {
    this();
  }

  AthleteState() {
    this(
        Long.MAX_VALUE,
        new KnownProfile(),
        new PainHistory(),
        new NewestSample(),
        new ExertionWindow(),
        new EffortLifecycle(),
        null);
  }

  /** A state made of its parts, as a stored one is read ({@link AthleteStateCodec}, {@link LegacyStateDecoder}). */
  AthleteState(
      long deadline,
      KnownProfile profile,
      PainHistory pain,
      NewestSample newest,
      ExertionWindow window,
      EffortLifecycle effort,
      Referral referral) {
    this.deadline = deadline;
    this.profile = profile;
    this.pain = pain;
    this.newest = newest;
    this.window = window;
    this.effort = effort;
    this.referral = referral;
  }

  // ---- the parts, for the codec ----

  KnownProfile knownProfile() {
    return profile;
  }

  PainHistory painHistory() {
    return pain;
  }

  NewestSample newestSample() {
    return newest;
  }

  EffortLifecycle effortLifecycle() {
    return effort;
  }

  // ---- read access: the profile (see KnownProfile) ----

  public Integer birthYear() {
    return profile.birthYear();
  }

  public Integer restingHeartRateBpm() {
    return profile.restingHeartRateBpm();
  }

  public Integer maxHeartRateBpm() {
    return profile.maxHeartRateBpm();
  }

  public String coachId() {
    return profile.coachId();
  }

  long profileUpdatedAt() {
    return profile.updatedAt();
  }

  // ---- read access: the pain (documented on PainHistory) ----

  Report newestReport() {
    return pain.newestReport();
  }

  Report reportAt(long t) {
    return pain.reportAt(t);
  }

  Report reportBefore(Report r) {
    return pain.reportBefore(r);
  }

  /** The newest report against the one before it (both held); null with fewer than two. */
  public PainDirection painDirection() {
    Report newest = pain.newestReport();
    Report before = newest == null ? null : pain.reportBefore(newest);
    return before == null ? null : PainDirection.between(before.level(), newest.level());
  }

  List<Report> reportsFrom(long t) {
    return pain.reportsFrom(t);
  }

  boolean hasReportAfter(long t) {
    return pain.hasReportAfter(t);
  }

  long episodeStartAt(long t, GuidanceSettings settings) {
    return pain.episodeStartAt(t, settings);
  }

  int episodeTriggersAt(long t, GuidanceSettings settings) {
    return pain.episodeTriggersAt(t, settings);
  }

  public String painReportId() {
    Report r = newestReport();
    return r == null ? null : r.id();
  }

  /** Event time of the newest pain report, or {@link #NONE}. */
  public long painReportedAt() {
    Report r = newestReport();
    return r == null ? NONE : r.at();
  }

  public int painLevel() {
    Report r = newestReport();
    return r == null ? 0 : r.level();
  }

  public Set<Movement> triggers() {
    Report r = newestReport();
    return StateCodes.MOVEMENT.set(r == null ? 0 : r.triggers());
  }

  public MedicalSigns medicalSigns() {
    return medicalSigns(newestReport());
  }

  static MedicalSigns medicalSigns(Report r) {
    return r == null
        ? MedicalSigns.of(Set.of(), Set.of(), Set.of())
        : MedicalSigns.of(
            StateCodes.SENSATION.set(r.radiculopathy()),
            StateCodes.LIMB.set(r.radiates()),
            StateCodes.RED_FLAG.set(r.redFlags()));
  }

  long lastPainGoneAt() {
    return pain.lastPainGoneAt();
  }

  PainTrend trend() {
    return pain.trend();
  }

  long trendAlertedAt() {
    return pain.trendAlertedAt();
  }

  // ---- read access: the clock, the newest sample (documented on NewestSample), the history ----

  /** The newest event time applied from this athlete's own records, or {@link #NONE}. */
  public long clock() {
    return newest.clock();
  }

  long tickedAt() {
    return newest.tickedAt();
  }

  public long lastSampleAt() {
    return newest.lastSampleAt();
  }

  public ActivityType lastActivity() {
    return newest.lastActivity();
  }

  /** The newest measured heart rate, null when the newest sample that counts had none. */
  public Integer lastHeartRateBpm() {
    return newest.lastHeartRateBpm();
  }

  /** %HRR of the newest sample that counts for intensity, null before any. */
  public Integer lastIntensityHrrPct() {
    return newest.lastIntensityHrrPct();
  }

  public long lastNonRestAt() {
    return newest.lastNonRestAt();
  }

  /** Event time of the newest sample with a measured heart rate, or {@link #NONE}. */
  public long lastHeartRateAt() {
    return newest.lastHeartRateAt();
  }

  ExertionWindow window() {
    return window;
  }

  // ---- read access: the effort lifecycle (documented on EffortLifecycle) ----

  /** Severity of the open alert, UNKNOWN when none is open. */
  public Severity openSeverity() {
    return effort.openSeverity();
  }

  int openRank() {
    return effort.openRank();
  }

  boolean isOpen() {
    return effort.isOpen();
  }

  /** RAISED or ESCALATED while an alert is open, UNKNOWN otherwise. */
  public AlertState openState() {
    return effort.openState();
  }

  public List<Reason> openReasons() {
    return effort.openReasons();
  }

  int openReasonsMask() {
    return effort.openReasonsMask();
  }

  public long openedAt() {
    return effort.openedAt();
  }

  long lastEvidenceAt() {
    return effort.lastEvidenceAt();
  }

  /** The conditions that held at the last evaluation. */
  public Set<Reason> heldReasons() {
    return effort.heldReasons();
  }

  int heldReasonsMask() {
    return effort.heldReasonsMask();
  }

  long lastRaisedAt(int rank) {
    return effort.lastRaisedAt(rank);
  }

  List<Transition> transitions() {
    return effort.transitions();
  }

  Transition lastTransitionBefore(long t) {
    return effort.lastTransitionBefore(t);
  }

  List<Transition> transitionsFrom(long t) {
    return effort.transitionsFrom(t);
  }

  Transition openingTransition() {
    return effort.openingTransition();
  }

  Transition lastTransition() {
    return effort.lastTransition();
  }

  // ---- read access: the referral, the deadline ----

  /** The referral, open or the last one closed; null when the athlete was never referred. */
  Referral referral() {
    return referral;
  }

  /** Whether a referral was open at event time {@code t}. */
  public boolean referralOpenAt(long t) {
    return referral != null && referral.openAt(t);
  }

  /** The open referral's signs, NONE when no referral is open. */
  public MedicalSigns openReferralSigns() {
    return referral != null && referral.isOpen() ? referral.signs() : MedicalSigns.NONE;
  }

  /** RAISED, or UPDATED once news was sent for it; UNKNOWN when no referral is open. */
  public AlertState referralState() {
    if (referral == null || !referral.isOpen()) {
      return AlertState.UNKNOWN;
    }
    return referral.updated() ? AlertState.UPDATED : AlertState.RAISED;
  }

  /** When the open referral was opened, NONE when none is open. */
  public long referralOpenedAt() {
    return referral != null && referral.isOpen() ? referral.openedAt() : NONE;
  }

  /** Earliest event time at which a stream-time tick can change anything; MAX_VALUE for never. */
  public long deadline() {
    return deadline;
  }

  // ---- changes, named for what they record (documented on the part that holds them) ----

  void applyProfile(long updatedAt, Integer birthYear, Integer restingBpm, Integer maxBpm, String coach) {
    profile.apply(updatedAt, birthYear, restingBpm, maxBpm, coach);
  }

  void recordReport(Report report, long keepFrom, GuidanceSettings settings) {
    pain.recordReport(report, keepFrom, settings);
  }

  Report markRising(Report report, int activityCode) {
    return pain.markRising(report, activityCode);
  }

  Report markSharp(Report report, int activityCode) {
    return pain.markSharp(report, activityCode);
  }

  void notePainGone(long at) {
    pain.notePainGone(at);
  }

  void noteTrendAlerted(long at) {
    pain.noteTrendAlerted(at);
  }

  /** A sample, in its second of the history; false when the history already held it. */
  boolean recordSample(long second, int code, int activityCode, boolean flexed, long oldestSecond) {
    return window.add(second, code, activityCode, flexed, oldestSecond);
  }

  void recordNewestSample(long at, int activityCode, boolean countsForIntensity, int heartRateBpm, int intensityHrrPct) {
    newest.recordNewestSample(at, activityCode, countsForIntensity, heartRateBpm, intensityHrrPct);
  }

  void recordHeartRateAt(long at) {
    newest.recordHeartRateAt(at);
  }

  void recordNonRestAt(long at) {
    newest.recordNonRestAt(at);
  }

  void advanceClock(long t) {
    newest.advanceClock(t);
  }

  void markTicked(long t) {
    newest.markTicked(t);
  }

  void noteEvidence(long t) {
    effort.noteEvidence(t);
  }

  void setHeldReasons(int mask) {
    effort.setHeldReasons(mask);
  }

  Transition open(AlertState transition, int rank, int reasons, long at) {
    return effort.open(transition, rank, reasons, at);
  }

  void addOpenReasons(int reasons) {
    effort.addOpenReasons(reasons);
  }

  Transition update(int reasons, long at) {
    return effort.update(reasons, at);
  }

  Transition close(long at) {
    return effort.close(at);
  }

  void rewindLifecycle(Transition base, long from) {
    effort.rewind(base, from);
  }

  void capEvidence(long t) {
    effort.capEvidence(t);
  }

  void forgetTransitionsBefore(long keepFrom) {
    effort.forgetTransitionsBefore(keepFrom);
  }

  /** The referral as it now stands. */
  void setReferral(Referral referral) {
    this.referral = referral;
  }

  void setDeadline(long deadline) {
    this.deadline = deadline;
  }

  // ---- encoding: see AthleteStateCodec ----

  /** The deadline stored in an encoded state, read without decoding the rest (for the ticker). */
  public static long deadlineOf(byte[] encoded) {
    return AthleteStateCodec.deadlineOf(encoded);
  }

  /** The version byte of an encoded state, -1 when there is none. */
  public static int versionOf(byte[] encoded) {
    return AthleteStateCodec.versionOf(encoded);
  }

  public byte[] encode() {
    return AthleteStateCodec.encode(this);
  }

  /**
   * Reads an encoded state of this version or an older one (upgraded).
   *
   * @throws UnreadableStateException when the bytes are not an athlete state this build can read
   */
  public static AthleteState decode(byte[] encoded, GuidanceSettings settings) {
    return AthleteStateCodec.decode(encoded, settings);
  }
}
