package io.painguard.rules;

import static io.painguard.rules.AthleteState.NONE;

import java.nio.ByteBuffer;

/**
 * The athlete's profile as last applied (null = not in the profile), part of {@link AthleteState}.
 * Stored as: birth year (short), resting and maximum heart rate (one unsigned byte each; 0 for
 * none), coach id (string, see {@link StateBytes}), the profile's update time.
 */
final class KnownProfile {

  private Integer birthYear;
  private Integer restingHeartRateBpm;
  private Integer maxHeartRateBpm;
  private String coachId;
  private long updatedAt = NONE;

  /** No profile yet. */
  KnownProfile() {}

  /** A profile as a stored state held it. */
  KnownProfile(long updatedAt, Integer birthYear, Integer restingBpm, Integer maxBpm, String coachId) {
    apply(updatedAt, birthYear, restingBpm, maxBpm, coachId);
  }

  Integer birthYear() {
    return birthYear;
  }

  Integer restingHeartRateBpm() {
    return restingHeartRateBpm;
  }

  Integer maxHeartRateBpm() {
    return maxHeartRateBpm;
  }

  String coachId() {
    return coachId;
  }

  long updatedAt() {
    return updatedAt;
  }

  /** A profile edit. */
  void apply(long updatedAt, Integer birthYear, Integer restingBpm, Integer maxBpm, String coach) {
    this.updatedAt = updatedAt;
    this.birthYear = birthYear;
    this.restingHeartRateBpm = restingBpm;
    this.maxHeartRateBpm = maxBpm;
    this.coachId = coach;
  }

  int encodedSize() {
    return 2 + 1 + 1 + StateBytes.stringSize(coachId) + 8;
  }

  void writeTo(ByteBuffer out) {
    out.putShort((short) orZero(birthYear))
        .put((byte) orZero(restingHeartRateBpm))
        .put((byte) orZero(maxHeartRateBpm));
    StateBytes.putString(out, coachId);
    out.putLong(updatedAt);
  }

  static KnownProfile readFrom(ByteBuffer in) {
    KnownProfile p = new KnownProfile();
    p.birthYear = orNull(in.getShort());
    p.restingHeartRateBpm = orNull(in.get() & 0xFF);
    p.maxHeartRateBpm = orNull(in.get() & 0xFF);
    p.coachId = StateBytes.getString(in);
    p.updatedAt = in.getLong();
    return p;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static Integer orNull(int value) {
    return value == 0 ? null : value;
  }
}
