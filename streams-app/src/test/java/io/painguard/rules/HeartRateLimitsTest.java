package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HeartRateLimitsTest {

  private final GuidanceSettings settings = GuidanceSettings.defaults();

  @Test
  void karvonenIntensityAndTargetFromTheProfile() {
    HeartRateLimits limits = HeartRateLimits.of(1990, 60, 180, 2025, settings);

    assertThat(limits.estimated()).isFalse();
    assertThat(limits.reservePct(60)).isEqualTo(0);
    assertThat(limits.reservePct(144)).isCloseTo(70, within(1e-9));
    assertThat(limits.reservePct(180)).isEqualTo(100);
    assertThat(limits.heartRateAtPct(70)).isEqualTo(144);
    assertThat(limits.heartRateAtPct(60)).isEqualTo(132);
    assertThat(limits.heartRateAtPct(50)).isEqualTo(120);
  }

  @Test
  void theTargetRoundsDownSoItNeverExceedsTheCeiling() {
    HeartRateLimits limits = HeartRateLimits.of(null, 61, 190, 2025, settings);

    int target = limits.heartRateAtPct(70); // 61 + 0.7 x 129 = 151.3

    assertThat(target).isEqualTo(151);
    assertThat(limits.reservePct(target)).isLessThanOrEqualTo(70);
    assertThat(limits.reservePct(target + 1)).isGreaterThan(70);
  }

  @Test
  void withoutMaxHeartRateTanakaEstimatesItFromTheBirthYear() {
    HeartRateLimits limits = HeartRateLimits.of(1985, 55, null, 2025, settings);

    assertThat(limits.maxBpm()).isCloseTo(208 - 0.7 * 40, within(1e-9));
    assertThat(limits.restBpm()).isEqualTo(55);
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void withoutBirthYearTheDefaultAgeIsUsed() {
    HeartRateLimits limits = HeartRateLimits.of(null, 55, null, 2025, settings);

    assertThat(limits.maxBpm())
        .isCloseTo(208 - 0.7 * settings.defaultAgeYears(), within(1e-9));
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void withoutRestingHeartRateTheDefaultIsUsedAndFlagged() {
    HeartRateLimits limits = HeartRateLimits.of(null, null, 185, 2025, settings);

    assertThat(limits.restBpm()).isEqualTo(60);
    assertThat(limits.maxBpm()).isEqualTo(185);
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void aMaximumUnderTheRestingRateIsIgnoredAndEstimated() {
    // Given a profile with HRmax under HRrest (70 / 65): the maximum is ignored, the rest kept
    HeartRateLimits limits = HeartRateLimits.of(null, 70, 65, 2025, settings);

    assertThat(limits.maxBpm()).isCloseTo(208 - 0.7 * settings.defaultAgeYears(), within(1e-9));
    assertThat(limits.restBpm()).isEqualTo(70);
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void aMaximumFourBeatsOverRestGivesNoTargetNearRest() {
    // Given rest 60 / max 64 (once: "keep your heart rate at or below 62 bpm", not estimated)
    HeartRateLimits limits = HeartRateLimits.of(1985, 60, 64, 2025, settings);

    // Then HRmax is estimated from the age (40 in 2025) and the limits say so
    assertThat(limits.estimated()).isTrue();
    assertThat(limits.maxBpm()).isCloseTo(208 - 0.7 * 40, within(1e-9));
    assertThat(limits.restBpm()).isEqualTo(60);
    assertThat(limits.heartRateAtPct(50)).isNotEqualTo(62).isEqualTo(120);
  }

  @Test
  void aBirthYearOfTheEventYearIsIgnoredForTheDefaultAge() {
    // Given a birth year typed as the year of the event (age 0: Tanaka would say 208 bpm)
    HeartRateLimits limits = HeartRateLimits.of(2025, 60, null, 2025, settings);

    assertThat(limits.maxBpm())
        .isCloseTo(208 - 0.7 * settings.defaultAgeYears(), within(1e-9))
        .isLessThan(208);
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void anIgnoredRestingRateFallsBackToTheDefaultAndIsFlagged() {
    HeartRateLimits limits = HeartRateLimits.of(null, 25, 185, 2025, settings);

    assertThat(limits.restBpm()).isEqualTo(settings.defaultRestingHeartRateBpm());
    assertThat(limits.maxBpm()).isEqualTo(185);
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void anIgnoredMaximumUsesTanakaFromAPlausibleBirthYear() {
    HeartRateLimits limits = HeartRateLimits.of(1975, 60, 240, 2025, settings);

    assertThat(limits.maxBpm()).isCloseTo(208 - 0.7 * 50, within(1e-9));
    assertThat(limits.estimated()).isTrue();
  }

  @Test
  void anIgnoredBirthYearAloneLeavesAProfileWithBothHeartRatesUnestimated() {
    // Given a complete pair of heart rates: the birth year is not used, so ignoring it changes nothing
    HeartRateLimits limits = HeartRateLimits.of(2025, 60, 180, 2025, settings);

    assertThat(limits.maxBpm()).isEqualTo(180);
    assertThat(limits.restBpm()).isEqualTo(60);
    assertThat(limits.estimated()).isFalse();
  }
}
