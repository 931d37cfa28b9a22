package io.painguard.rules;

import static io.painguard.rules.ProfilePlausibility.Field.BIRTH_YEAR;
import static io.painguard.rules.ProfilePlausibility.Field.MAX_HEART_RATE;
import static io.painguard.rules.ProfilePlausibility.Field.RESTING_HEART_RATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.AthleteProfile;
import io.painguard.rules.ProfilePlausibility.Field;
import io.painguard.rules.ProfilePlausibility.Verdict;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each profile value is judged on its own against its range (just inside: used; just outside:
 * ignored), then the pair in use against the 40 bpm reserve. Limits are needed in 2025.
 */
class ProfilePlausibilityTest {

  private static final int YEAR = 2025;

  private final GuidanceSettings settings = GuidanceSettings.defaults();

  private Verdict judge(Integer birthYear, Integer rest, Integer max) {
    return ProfilePlausibility.judge(birthYear, rest, max, YEAR, settings);
  }

  @ParameterizedTest(name = "resting {0} bpm: ignored={1}")
  @CsvSource({"29, true", "30, false", "110, false", "111, true"})
  void restingHeartRateIs30To110(int rest, boolean ignored) {
    // Given a plausible maximum that leaves the reserve over any plausible resting rate
    Verdict verdict = judge(null, rest, 200);

    assertThat(verdict.ignores(RESTING_HEART_RATE)).isEqualTo(ignored);
    assertThat(verdict.ignores(MAX_HEART_RATE)).isFalse();
    if (ignored) {
      assertThat(verdict.reasons().get(RESTING_HEART_RATE)).contains("outside 30-110 bpm");
    }
  }

  @ParameterizedTest(name = "maximum {0} bpm: ignored={1}")
  @CsvSource({"99, true", "100, false", "230, false", "231, true"})
  void maxHeartRateIs100To230(int max, boolean ignored) {
    // Given a resting rate that leaves the reserve under any plausible maximum
    Verdict verdict = judge(null, 50, max);

    assertThat(verdict.ignores(MAX_HEART_RATE)).isEqualTo(ignored);
    assertThat(verdict.ignores(RESTING_HEART_RATE)).isFalse();
    if (ignored) {
      assertThat(verdict.reasons().get(MAX_HEART_RATE)).contains("outside 100-230 bpm");
    }
  }

  @ParameterizedTest(name = "born {0}, age {1} in 2025: ignored={2}")
  @CsvSource({
    "2016, 9, true", "2015, 10, false", "1925, 100, false", "1924, 101, true", "2025, 0, true",
    "2030, -5, true"
  })
  void ageFromTheBirthYearIs10To100InTheEventYear(int birthYear, int age, boolean ignored) {
    Verdict verdict = judge(birthYear, null, null);

    assertThat(verdict.ignores(BIRTH_YEAR)).isEqualTo(ignored);
    assertThat(verdict.ignored()).doesNotContain(RESTING_HEART_RATE, MAX_HEART_RATE);
    if (ignored) {
      assertThat(verdict.reasons().get(BIRTH_YEAR)).contains("outside 10-100 years in 2025");
    }
  }

  @Test
  void theAgeIsJudgedInTheYearAsked() {
    // Given a birth year that is an age of 9 in 2024 and of 10 in 2025
    assertThat(ProfilePlausibility.judge(2015, null, null, 2024, settings).ignores(BIRTH_YEAR)).isTrue();
    assertThat(ProfilePlausibility.judge(2015, null, null, 2025, settings).ignores(BIRTH_YEAR)).isFalse();
  }

  @Test
  void aReserveOfExactly40BpmIsPlausible() {
    assertThat(judge(null, 60, 100).ignored()).isEmpty();
  }

  @Test
  void aReserveUnder40BpmWithBothValuesPlausibleAloneIgnoresTheMaximum() {
    // Given rest 61 and max 100: each within its range, 39 bpm apart
    Verdict verdict = judge(null, 61, 100);

    // Then HRmax (the value guessed or mistyped) is ignored, the measured HRrest kept
    assertThat(verdict.ignored()).containsExactly(MAX_HEART_RATE);
    assertThat(verdict.reasons().get(MAX_HEART_RATE))
        .contains("less than 40 bpm above the resting heart rate")
        .contains("estimated from age");
  }

  @Test
  void aMaximumUnderTheRestingRateIgnoresTheMaximum() {
    // Given rest 105 and max 100 (rest >= max), each plausible alone
    assertThat(judge(null, 105, 100).ignored()).containsExactly(MAX_HEART_RATE);
  }

  @Test
  void aMaximumPlausibleAloneIsJudgedAgainstTheDefaultRestingRateWhenTheProfileHasNone() {
    // Given settings whose default HRrest is 80 and a profile max of 110 (30 bpm over it)
    GuidanceSettings restful =
        GuidanceSettings.fromProperties(Map.of("painguard.rules.heart-rate.default-resting-bpm", "80"));

    Verdict verdict = ProfilePlausibility.judge(null, null, 110, YEAR, restful);

    assertThat(verdict.ignored()).containsExactly(MAX_HEART_RATE);
  }

  @Test
  void aRestingRateTooCloseToTheEstimatedMaximumIsIgnored() {
    // Given rest 110 (plausible alone) and an age of 100 (Tanaka 138: 28 bpm of reserve)
    Verdict verdict = judge(1925, 110, null);

    assertThat(verdict.ignored()).containsExactly(RESTING_HEART_RATE);
    assertThat(verdict.reasons().get(RESTING_HEART_RATE)).contains("less than 40 bpm below the maximum");
  }

  @Test
  void whenTheMaximumGivesWayTheRestingRateIsJudgedAgainstTheEstimate() {
    // Given rest 110 and max 145 (35 bpm apart), age 100: Tanaka 138 is still under 150
    Verdict verdict = judge(1925, 110, 145);

    assertThat(verdict.ignored()).containsExactly(RESTING_HEART_RATE, MAX_HEART_RATE);
  }

  @Test
  void anEstimateAtOrUnderTheRestingRateGivesWayToTheDefaultAge() {
    // Given configured coefficients under which age 30 estimates HRmax 40 (100 - 2 x 30), while the
    // default age 10 estimates 80, over the default HRrest of 60
    GuidanceSettings steep =
        GuidanceSettings.fromProperties(
            Map.of(
                "painguard.rules.heart-rate.tanaka-intercept-bpm", "100",
                "painguard.rules.heart-rate.tanaka-slope-bpm-per-year", "2",
                "painguard.rules.heart-rate.default-age-years", "10"));

    Verdict verdict = ProfilePlausibility.judge(1995, null, null, YEAR, steep);

    assertThat(verdict.ignored()).containsExactly(BIRTH_YEAR);
    assertThat(HeartRateLimits.of(1995, null, null, YEAR, steep).maxBpm()).isEqualTo(80);
  }

  @Test
  void aPlausibleProfileAndAnEmptyOneIgnoreNothing() {
    assertThat(judge(1990, 60, 180).ignored()).isEmpty();
    assertThat(judge(null, null, null).ignored()).isEmpty();
  }

  @Test
  void everyFieldCanBeIgnoredAtOnceAndIsNamedAsInTheSchema() {
    Verdict verdict = judge(YEAR, 300, 0);

    assertThat(verdict.ignored()).containsExactly(BIRTH_YEAR, RESTING_HEART_RATE, MAX_HEART_RATE);
    assertThat(verdict.ignored().stream().map(Field::schemaName))
        .containsExactly("birthYear", "restingHeartRateBpm", "maxHeartRateBpm");
  }

  @Test
  void theReasonsNeverQuoteTheValues() {
    Verdict verdict = judge(1800, 17, 777);

    assertThat(String.join(" ", verdict.reasons().values())).doesNotContain("1800", "17 ", "777");
  }

  @Test
  void theStateKeepsBirthYearsToJudgeLaterButNotValuesImplausibleInEveryYear() {
    // Given a profile whose birth year is this year (implausible now, kept: it is judged per
    // event year) and whose heart rates no one has
    AthleteProfile typo = profile(2025, 300, -4);

    AthleteProfile kept = ProfilePlausibility.keepable(typo);

    assertThat(kept.getBirthYear()).isEqualTo(2025);
    assertThat(kept.getRestingHeartRateBpm()).isNull();
    assertThat(kept.getMaxHeartRateBpm()).isNull();
    assertThat(kept.getCoachId()).isEqualTo("coach-1");
    assertThat(ProfilePlausibility.keepable(profile(1869, 60, 180)).getBirthYear()).isNull();
    assertThat(ProfilePlausibility.keepable(profile(70_000, 60, 180)).getBirthYear()).isNull();
    assertThat(ProfilePlausibility.keepable(profile(1870, 60, 180)).getBirthYear()).isEqualTo(1870);
  }

  @Test
  void aPlausibleProfileIsKeptAsItIs() {
    // Including a pair that fails the reserve: it is judged against the values in use, later
    AthleteProfile p = profile(1990, 61, 100);

    assertThat(ProfilePlausibility.keepable(p)).isSameAs(p);
  }

  private static AthleteProfile profile(Integer birthYear, Integer rest, Integer max) {
    return AthleteProfile.newBuilder()
        .setAthleteId("ana")
        .setUpdatedAt(Instant.parse("2025-01-01T00:00:00Z"))
        .setBirthYear(birthYear)
        .setRestingHeartRateBpm(rest)
        .setMaxHeartRateBpm(max)
        .setCoachId("coach-1")
        .build();
  }
}
