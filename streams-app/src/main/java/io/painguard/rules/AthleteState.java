package io.painguard.rules;

import io.painguard.events.ActivityType;
import io.painguard.events.AlertState;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.Reason;
import io.painguard.events.Severity;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything PainGuard remembers about one athlete, and the only class that changes it: the
 * profile, the pain reports in force over the lateness bound, the per-second activity history
 * ({@link ExertionWindow}) and the alert lifecycle with the transitions emitted over the same
 * bound. {@link AthleteGuard} decides; it changes the state only through the methods below, named
 * for what they record. {@link ConditionEvaluator} only reads.
 *
 * <p>It has its own compact, versioned binary form ({@link #encode()}, {@link #decode(byte[],
 * GuidanceSettings)}): byte 0 is the version, bytes 1-8 the deadline (read alone by the ticker).
 * Enum symbols are stored as {@link StateCodes} codes and severities as {@link SeverityRank}s,
 * never as ordinals. Versions 1 and 2 (the layouts released before issue 13) are still read, by
 * {@link LegacyStateDecoder}, and upgraded; version 3 is version 4 without its extension (read
 * here, with the defaults the extension would hold); every released version has golden bytes
 * under {@code src/test/resources/athlete-state}.
 *
 * <p>Times are epoch milliseconds of event time; {@link #NONE} means "never".
 */
public final class AthleteState {

  /** "Never" / "not known" for times. */
  public static final long NONE = Long.MIN_VALUE;

  static final byte VERSION_1 = 1;
  /** Version 1 plus lastHeartRateAt at the end. */
  static final byte VERSION_2 = 2;
  /**
   * Codes and ranks instead of ordinals; the reports and transitions of the lateness bound; the
   * activity history instead of a 120-second ring and a 10-second bitmap.
   */
  static final byte VERSION_3 = 3;
  /**
   * Version 3 followed by what issue 14 added: each report's onset, sensations and sharp-pain
   * activity; the triggers of the episode's forgotten reports; the referral; the newest level-0
   * report; the daily trend.
   */
  static final byte VERSION_4 = 4;


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

  private KnownProfile profile = new KnownProfile();

  // Pain: reports oldest first, the episode, the trend.
  private PainHistory pain = new PainHistory();

  // The referral lifecycle (null: never referred).
  private Referral referral;

  // Activity.
  private NewestSample newest = new NewestSample();
  private ExertionWindow window = new ExertionWindow();

  // Alert lifecycle.
  private EffortLifecycle effort = new EffortLifecycle();

  /** Earliest event time at which a stream-time tick may change this state; see AthleteGuard. */
  private long deadline = Long.MAX_VALUE;

  public AthleteState(GuidanceSettings settings) {}

  AthleteState() {}

  // ---- read access ----

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

  /** The newest pain report (the one in force from its time on), or null. */
  Report newestReport() {
    return pain.newestReport();
  }

  /** The report in force at {@code t}: the newest with a time at or before it, or null. */
  Report reportAt(long t) {
    return pain.reportAt(t);
  }

  /** The report before {@code r}, or null. */
  Report reportBefore(Report r) {
    return pain.reportBefore(r);
  }

  /** Reports with a time at or after {@code t}, oldest first. */
  List<Report> reportsFrom(long t) {
    return pain.reportsFrom(t);
  }

  /** Whether a report newer than {@code t} is held. */
  boolean hasReportAfter(long t) {
    return pain.hasReportAfter(t);
  }

  /**
   * Start of the pain episode in force at {@code t}, or NONE: reports at level 1 or more with no
   * level-0 report between them and no gap longer than {@code pain.episode-limit}, the newest at
   * most that long before {@code t}. An episode outlasts the 12 hours a report sets the ceiling,
   * so an athlete who checks in once a day stays in one episode.
   */
  long episodeStartAt(long t, GuidanceSettings settings) {
    return pain.episodeStartAt(t, settings);
  }

  /** The triggers named by any report of the episode in force at {@code t}. */
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

  /** Event time of the newest level-0 report, or NONE. */
  long lastPainGoneAt() {
    return pain.lastPainGoneAt();
  }

  PainTrend trend() {
    return pain.trend();
  }

  long trendAlertedAt() {
    return pain.trendAlertedAt();
  }

  /** Earliest event time at which a stream-time tick can change anything; MAX_VALUE for never. */
  public long deadline() {
    return deadline;
  }

  /** Event time of the newest RAISED or ESCALATED of this rank, or NONE. */
  long lastRaisedAt(int rank) {
    return effort.lastRaisedAt(rank);
  }

  List<Transition> transitions() {
    return effort.transitions();
  }

  /** The newest transition before {@code t}, or null. */
  Transition lastTransitionBefore(long t) {
    return effort.lastTransitionBefore(t);
  }

  /** The transitions at or after {@code t}, oldest first. */
  List<Transition> transitionsFrom(long t) {
    return effort.transitionsFrom(t);
  }

  /** The newest RAISED or ESCALATED at the open alert's severity (the one in force), or null. */
  Transition openingTransition() {
    return effort.openingTransition();
  }

  /** The transition consumers last saw, or null. */
  Transition lastTransition() {
    return effort.lastTransition();
  }

  // ---- changes, named for what they record ----

  /** A profile edit. */
  void applyProfile(long updatedAt, Integer birthYear, Integer restingBpm, Integer maxBpm, String coach) {
    profile.apply(updatedAt, birthYear, restingBpm, maxBpm, coach);
  }

  /**
   * A pain report, placed by its event time among those kept; reports that no longer decide
   * anything at or after {@code keepFrom} are forgotten.
   */
  void recordReport(Report report, long keepFrom, GuidanceSettings settings) {
    pain.recordReport(report, keepFrom, settings);
  }

  /**
   * The activity (code + 1) under way when the pain in {@code report} rose (0: it did not rise);
   * returns the report as now held.
   */
  Report markRising(Report report, int activityCode) {
    return pain.markRising(report, activityCode);
  }

  /** The activity (code + 1) under way when {@code report}'s sharp pain came (0: none). */
  Report markSharp(Report report, int activityCode) {
    return pain.markSharp(report, activityCode);
  }

  /** A sample, in its second of the history; false when the history already held it. */
  boolean recordSample(long second, int code, int activityCode, boolean flexed, long oldestSecond) {
    return window.add(second, code, activityCode, flexed, oldestSecond);
  }

  /** What the newest sample says, for the status view and the heart-rate precedence. */
  void recordNewestSample(long at, int activityCode, boolean countsForIntensity, int heartRateBpm, int intensityHrrPct) {
    newest.recordNewestSample(at, activityCode, countsForIntensity, heartRateBpm, intensityHrrPct);
  }

  void recordHeartRateAt(long at) {
    newest.recordHeartRateAt(at);
  }

  void recordNonRestAt(long at) {
    newest.recordNonRestAt(at);
  }

  /** The athlete's records have been applied up to event time {@code t}. */
  void advanceClock(long t) {
    newest.advanceClock(t);
  }

  /** A stream-time tick ran at {@code t}. */
  void markTicked(long t) {
    newest.markTicked(t);
  }

  /** Evidence for the open (or next) alert was seen at {@code t}. */
  void noteEvidence(long t) {
    effort.noteEvidence(t);
  }

  void setHeldReasons(int mask) {
    effort.setHeldReasons(mask);
  }

  /** An alert was raised or escalated at {@code at}. */
  Transition open(AlertState transition, int rank, int reasons, long at) {
    return effort.open(transition, rank, reasons, at);
  }

  /** Conditions seen while the alert stays open at the same severity. */
  void addOpenReasons(int reasons) {
    effort.addOpenReasons(reasons);
  }

  /** News for the open alert at its severity was sent at {@code at}. */
  Transition update(int reasons, long at) {
    return effort.update(reasons, at);
  }

  /** The referral as it now stands. */
  void setReferral(Referral referral) {
    this.referral = referral;
  }

  /** A level-0 report at {@code at}. */
  void notePainGone(long at) {
    pain.notePainGone(at);
  }

  /** A NOT_IMPROVING alert at {@code at}. */
  void noteTrendAlerted(long at) {
    pain.noteTrendAlerted(at);
  }

  /** The open alert was resolved at {@code at}; returns the transition. */
  Transition close(long at) {
    return effort.close(at);
  }

  void setDeadline(long deadline) {
    this.deadline = deadline;
  }

  /**
   * Forgets the lifecycle after {@code base} (exclusive of transitions before {@code from}), so it
   * can be re-derived from the history: the state is as it was right after {@code base}, or -- with
   * no base -- as before any transition kept. Used before re-evaluating from a late record's time.
   */
  void rewindLifecycle(Transition base, long from) {
    effort.rewind(base, from);
  }

  /** Evidence as it stood at {@code t} at the latest (re-evaluating from {@code t}). */
  void capEvidence(long t) {
    effort.capEvidence(t);
  }

  /** Forgets transitions no longer needed at or after {@code keepFrom} (cooldowns included). */
  void forgetTransitionsBefore(long keepFrom) {
    effort.forgetTransitionsBefore(keepFrom);
  }

  // ---- encoding ----

  /** The deadline stored in an encoded state, read without decoding the rest (for the ticker). */
  public static long deadlineOf(byte[] encoded) {
    if (encoded == null || encoded.length < 9 || !knownVersion(encoded[0])) {
      return NONE; // unknown layout: let the caller decode it properly (and fail loudly)
    }
    return ByteBuffer.wrap(encoded, 1, 8).getLong();
  }

  /** The version byte of an encoded state, -1 when there is none. */
  public static int versionOf(byte[] encoded) {
    return encoded == null || encoded.length == 0 ? -1 : encoded[0];
  }

  public byte[] encode() {
    int size =
        1 + 8 // version, deadline
            + profile.encodedSize()
            + pain.v3BodySize() // reports, episode floor
            + newest.encodedSize() + window.encodedSize() // activity
            + effort.encodedSize() // lifecycle
            + extensionSize(); // version 4
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION_4).putLong(deadline);
    profile.writeTo(out);
    pain.writeV3Body(out);
    newest.writeTo(out);
    window.writeTo(out);
    effort.writeTo(out);
    writeExtension(out);
    return out.array();
  }

  // Version 4's extension: everything issue 14 added, after the version-3 layout.

  private int extensionSize() {
    int referralBytes = referral == null ? 0 : 8 + 8 + 8 + 4 + 4 + 4 + 1 + StateBytes.stringSize(referral.openedBy());
    return pain.v4EpisodeSize() + 1 + referralBytes + pain.v4TrendSize();
  }

  private void writeExtension(ByteBuffer out) {
    pain.writeV4Episode(out);
    out.put((byte) (referral == null ? 0 : 1));
    if (referral != null) {
      out.putLong(referral.openedAt()).putLong(referral.lastSignAt()).putLong(referral.closedAt());
      out.putInt(referral.radiculopathy()).putInt(referral.radiates()).putInt(referral.redFlags());
      out.put((byte) (referral.updated() ? 1 : 0));
      StateBytes.putString(out, referral.openedBy());
    }
    pain.writeV4Trend(out);
  }

  /**
   * Before version 4 a referral was the effort alert at SEEK_MEDICAL_ATTENTION. An upgraded state
   * with that alert open gets it as its referral -- the same severity consumers see open, now on
   * the lifecycle that only a level-0 report or the long limit closes -- with the signs of the
   * reports kept; the effort lifecycle starts closed, and its SEEK transitions are forgotten so a
   * re-evaluation never withdraws them. Whatever effort condition still holds is raised anew.
   */
  private void adoptLegacyReferral() {
    int seek = SeverityRank.of(io.painguard.events.Severity.SEEK_MEDICAL_ATTENTION);
    if (referral != null || effort.openRank() != seek) {
      return;
    }
    int radiculopathy = 0;
    int radiatesMask = 0;
    int flags = 0;
    long lastSign = NONE;
    String openedBy = null;
    for (Report r : pain.reportsFrom(NONE)) { // every report kept, oldest first
      if (r.medical()) {
        radiculopathy |= r.radiculopathy();
        radiatesMask |= r.radiates();
        flags |= r.redFlags();
        lastSign = r.at();
        openedBy = openedBy == null ? r.id() : openedBy;
      }
    }
    long opened = effort.openedAt() != NONE ? effort.openedAt() : lastSign != NONE ? lastSign : newest.clock();
    referral =
        new Referral(
            opened,
            openedBy != null ? openedBy : "upgraded",
            lastSign != NONE ? lastSign : opened,
            radiculopathy,
            radiatesMask,
            flags,
            NONE,
            false);
    effort.handOverToReferral(seek);
  }

  private void readExtension(ByteBuffer in) {
    pain.readV4Episode(in);
    if (in.get() != 0) {
      long openedAt = in.getLong();
      long lastSignAt = in.getLong();
      long closedAt = in.getLong();
      int radiculopathy = in.getInt();
      int radiates = in.getInt();
      int redFlags = in.getInt();
      boolean updated = in.get() != 0;
      referral =
          new Referral(openedAt, StateBytes.getString(in), lastSignAt, radiculopathy, radiates, redFlags, closedAt, updated);
    }
    pain.readV4Trend(in);
  }

  /**
   * Reads an encoded state of this version or an older one (upgraded).
   *
   * @throws UnreadableStateException when the bytes are not an athlete state this build can read
   */
  public static AthleteState decode(byte[] encoded, GuidanceSettings settings) {
    if (encoded == null || encoded.length == 0 || !knownVersion(encoded[0])) {
      throw new UnreadableStateException(
          versionOf(encoded),
          "Not an athlete state of a known version (first byte "
              + (encoded == null || encoded.length == 0 ? "missing" : encoded[0])
              + ").");
    }
    try {
      if (encoded[0] != VERSION_3 && encoded[0] != VERSION_4) {
        AthleteState upgraded = LegacyStateDecoder.decode(encoded, settings);
        upgraded.adoptLegacyReferral();
        return upgraded;
      }
      ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
      AthleteState s = new AthleteState();
      s.deadline = in.getLong();
      s.profile = KnownProfile.readFrom(in);
      s.pain = PainHistory.readV3Body(in);
      s.newest = NewestSample.readFrom(in);
      s.window = ExertionWindow.readFrom(in);
      s.effort = EffortLifecycle.readFrom(in);
      if (encoded[0] == VERSION_4) {
        s.readExtension(in);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      if (encoded[0] != VERSION_4) {
        s.adoptLegacyReferral();
      }
      return s;
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new UnreadableStateException(
          encoded[0], "Athlete state bytes of version " + encoded[0] + " are truncated or corrupt.", e);
    }
  }

  /** Builds a version-3 state from what a version-1 or -2 layout held; see LegacyStateDecoder. */
  static AthleteState upgraded(
      long deadline,
      Integer birthYear,
      Integer restingBpm,
      Integer maxBpm,
      String coachId,
      long profileUpdatedAt,
      List<Report> reports,
      long episodeFloor,
      long clock,
      long tickedAt,
      long lastSampleAt,
      int lastActivity,
      int lastHeartRateBpm,
      int lastIntensityHrrPct,
      long lastHeartRateAt,
      long lastNonRestAt,
      ExertionWindow window,
      int openRank,
      int openState,
      int openReasons,
      long openedAt,
      long lastEvidenceAt,
      int heldReasons,
      List<Transition> transitions) {
    AthleteState s = new AthleteState();
    s.deadline = deadline;
    s.applyProfile(profileUpdatedAt, birthYear, restingBpm, maxBpm, coachId);
    s.pain = new PainHistory(reports, episodeFloor);
    s.newest =
        new NewestSample(
            clock,
            tickedAt,
            lastSampleAt,
            lastActivity,
            lastHeartRateBpm,
            lastIntensityHrrPct,
            lastHeartRateAt,
            lastNonRestAt);
    s.window = window;
    List<Transition> ordered = new ArrayList<>(transitions);
    ordered.sort(java.util.Comparator.comparingLong(Transition::at));
    s.effort = new EffortLifecycle(openRank, openState, openReasons, openedAt, lastEvidenceAt, heldReasons, ordered);
    return s;
  }

  // ---- helpers ----

  private static boolean knownVersion(byte version) {
    return version == VERSION_1 || version == VERSION_2 || version == VERSION_3 || version == VERSION_4;
  }
}
