package io.painguard.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AthleteProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile is rejected only when it is malformed (ids, lengths, timestamps); implausible or
 * inconsistent heart-rate values are the limits' to ignore, not a reason to lose the profile.
 */
class InputValidatorTest {

  private static final Instant NOW = Instant.parse("2025-03-13T08:00:00Z");

  private final InputValidator validator =
      new InputValidator(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofDays(30));

  @ParameterizedTest(name = "birth year {0}, rest {1}, max {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "null, 70, 65", // max under rest
        "null, 60, 60", // max equal to rest
        "null, 60, 64", // 4 bpm of reserve
        "2025, 60, 180", // born this year
        "2030, 60, 180", // born in the future
        "1850, 60, 180", // 175 years old
        "null, 0, 300", // outside any heart rate
        "null, -5, null",
        "70000, null, null"
      })
  void implausibleHeartRateValuesDoNotRejectTheProfile(Integer birthYear, Integer rest, Integer max) {
    AthleteProfile p =
        profile("ana").setBirthYear(birthYear).setRestingHeartRateBpm(rest).setMaxHeartRateBpm(max).build();

    assertThat(validator.problem("ana", p)).isEmpty();
  }

  @Test
  void aProfileOfAnotherAthleteIsRejected() {
    assertThat(validator.problem("ana", profile("ben").build()))
        .get()
        .asString()
        .contains("differs from the record key");
  }

  @Test
  void aHugeCoachIdIsRejected() {
    AthleteProfile p = profile("ana").setCoachId("c".repeat(129)).build();

    assertThat(validator.problem("ana", p)).get().asString().contains("coachId is 129 characters long");
  }

  @Test
  void anUpdateFromBefore1970OrTooFarAheadIsRejected() {
    AthleteProfile old = profile("ana").setUpdatedAt(Instant.parse("1969-12-31T23:59:59Z")).build();
    AthleteProfile ahead = profile("ana").setUpdatedAt(NOW.plus(Duration.ofHours(25))).build();

    assertThat(validator.problem("ana", old)).get().asString().contains("before 1970");
    assertThat(validator.problem("ana", ahead)).get().asString().contains("in the future");
  }

  @Test
  void aProfileEditedLongAgoIsFine() {
    // Profiles may be edited rarely: the past-age limit of samples and reports does not apply
    AthleteProfile p = profile("ana").setUpdatedAt(NOW.minus(Duration.ofDays(400))).build();

    assertThat(validator.problem("ana", p)).isEmpty();
  }

  private static AthleteProfile.Builder profile(String athlete) {
    return AthleteProfile.newBuilder()
        .setAthleteId(athlete)
        .setUpdatedAt(NOW.minus(Duration.ofDays(1)))
        .setCoachId("coach-1");
  }
}
