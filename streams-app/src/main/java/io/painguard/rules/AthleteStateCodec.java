package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import io.painguard.events.Severity;
import io.painguard.rules.AthleteState.Report;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The compact, versioned binary form of {@link AthleteState}: byte 0 is the version, bytes 1-8 the
 * deadline (read alone by the ticker). Enum symbols are stored as {@link StateCodes} codes and
 * severities as {@link SeverityRank}s, never as ordinals. Versions 1 and 2 (the layouts released
 * before issue 13) are still read, by {@link LegacyStateDecoder}, and upgraded; version 3 is
 * version 4 without its extension (read here, with the defaults the extension would hold); every
 * released version has golden bytes under {@code src/test/resources/athlete-state}.
 *
 * <p>This class owns the order of the parts; each part writes and reads its own fields: the
 * version-3 body is {@link KnownProfile}, {@link PainHistory}'s reports, {@link NewestSample},
 * {@link ExertionWindow}, {@link EffortLifecycle}; version 4 appends the pain episode's additions,
 * the {@link Referral} and the trend.
 */
final class AthleteStateCodec {

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

  private AthleteStateCodec() {}

  /** The deadline stored in an encoded state, read without decoding the rest (for the ticker). */
  static long deadlineOf(byte[] encoded) {
    if (encoded == null || encoded.length < 9 || !knownVersion(encoded[0])) {
      return NONE; // unknown layout: let the caller decode it properly (and fail loudly)
    }
    return ByteBuffer.wrap(encoded, 1, 8).getLong();
  }

  /** The version byte of an encoded state, -1 when there is none. */
  static int versionOf(byte[] encoded) {
    return encoded == null || encoded.length == 0 ? -1 : encoded[0];
  }

  /** The state in the current version (4). */
  static byte[] encode(AthleteState s) {
    KnownProfile profile = s.knownProfile();
    PainHistory pain = s.painHistory();
    NewestSample newest = s.newestSample();
    ExertionWindow window = s.window();
    EffortLifecycle effort = s.effortLifecycle();
    Referral referral = s.referral();
    int size =
        1 + 8 // version, deadline
            + profile.encodedSize()
            + pain.v3BodySize()
            + newest.encodedSize()
            + window.encodedSize()
            + effort.encodedSize()
            + pain.v4EpisodeSize() + Referral.optionalEncodedSize(referral) + pain.v4TrendSize(); // version 4
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(VERSION_4).putLong(s.deadline());
    profile.writeTo(out);
    pain.writeV3Body(out);
    newest.writeTo(out);
    window.writeTo(out);
    effort.writeTo(out);
    // Version 4's extension: everything issue 14 added, after the version-3 layout.
    pain.writeV4Episode(out);
    Referral.writeOptional(referral, out);
    pain.writeV4Trend(out);
    return out.array();
  }

  /**
   * Reads an encoded state of this version or an older one (upgraded).
   *
   * @throws UnreadableStateException when the bytes are not an athlete state this build can read
   */
  static AthleteState decode(byte[] encoded, GuidanceSettings settings) {
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
        adoptLegacyReferral(upgraded);
        return upgraded;
      }
      boolean version4 = encoded[0] == VERSION_4;
      ByteBuffer in = ByteBuffer.wrap(encoded, 1, encoded.length - 1);
      long deadline = in.getLong();
      KnownProfile profile = KnownProfile.readFrom(in);
      PainHistory pain = PainHistory.readV3Body(in);
      NewestSample newest = NewestSample.readFrom(in);
      ExertionWindow window = ExertionWindow.readFrom(in);
      EffortLifecycle effort = EffortLifecycle.readFrom(in);
      Referral referral = null;
      if (version4) {
        pain.readV4Episode(in);
        referral = Referral.readOptional(in);
        pain.readV4Trend(in);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("trailing bytes");
      }
      AthleteState s = new AthleteState(deadline, profile, pain, newest, window, effort, referral);
      if (!version4) {
        adoptLegacyReferral(s);
      }
      return s;
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new UnreadableStateException(
          encoded[0], "Athlete state bytes of version " + encoded[0] + " are truncated or corrupt.", e);
    }
  }

  /**
   * Before version 4 a referral was the effort alert at SEEK_MEDICAL_ATTENTION. An upgraded state
   * with that alert open gets it as its referral -- the same severity consumers see open, now on
   * the lifecycle that only a level-0 report or the long limit closes -- with the signs of the
   * reports kept; the effort lifecycle starts closed, and its SEEK transitions are forgotten so a
   * re-evaluation never withdraws them. Whatever effort condition still holds is raised anew.
   */
  private static void adoptLegacyReferral(AthleteState s) {
    int seek = SeverityRank.of(Severity.SEEK_MEDICAL_ATTENTION);
    if (s.referral() != null || s.openRank() != seek) {
      return;
    }
    int radiculopathy = 0;
    int radiatesMask = 0;
    int flags = 0;
    long lastSign = NONE;
    String openedBy = null;
    for (Report r : s.reportsFrom(NONE)) { // every report kept, oldest first
      if (r.medical()) {
        radiculopathy |= r.radiculopathy();
        radiatesMask |= r.radiates();
        flags |= r.redFlags();
        lastSign = r.at();
        openedBy = openedBy == null ? r.id() : openedBy;
      }
    }
    long opened = s.openedAt() != NONE ? s.openedAt() : lastSign != NONE ? lastSign : s.clock();
    s.setReferral(
        new Referral(
            opened,
            openedBy != null ? openedBy : "upgraded",
            lastSign != NONE ? lastSign : opened,
            radiculopathy,
            radiatesMask,
            flags,
            NONE,
            false));
    s.effortLifecycle().handOverToReferral(seek);
  }

  private static boolean knownVersion(byte version) {
    return version == VERSION_1 || version == VERSION_2 || version == VERSION_3 || version == VERSION_4;
  }
}
