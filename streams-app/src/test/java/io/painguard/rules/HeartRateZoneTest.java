package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.fixtures.GuardScript;
import org.junit.jupiter.api.Test;

/** The team tile's zone, and the pain trend it shows beside it. */
class HeartRateZoneTest {

  @Test
  void wellUnderTheCeilingIsBelow() {
    assertThat(HeartRateZone.of(120, 50, 132, 60)).isEqualTo(HeartRateZone.BELOW);
  }

  @Test
  void withinFiveBpmOrFivePercentHrrUnderTheCeilingIsNear() {
    // 129 of 135 bpm: the bar the issue saw green
    assertThat(HeartRateZone.of(130, 50, 135, 60)).as("5 bpm under").isEqualTo(HeartRateZone.NEAR);
    assertThat(HeartRateZone.of(120, 55, 135, 60)).as("5 %HRR under").isEqualTo(HeartRateZone.NEAR);
    assertThat(HeartRateZone.of(135, 60, 135, 60)).as("at the ceiling").isEqualTo(HeartRateZone.NEAR);
    assertThat(HeartRateZone.of(129, 54, 135, 60)).as("6 bpm and 6 %HRR under").isEqualTo(HeartRateZone.BELOW);
  }

  @Test
  void overTheCeilingIsAbove() {
    assertThat(HeartRateZone.of(140, 65, 135, 60)).isEqualTo(HeartRateZone.ABOVE);
    assertThat(HeartRateZone.of(null, 61, null, 60)).as("class-equivalent intensity, no heart rate").isEqualTo(HeartRateZone.ABOVE);
    assertThat(HeartRateZone.of(136, null, 135, null)).as("heart rate only").isEqualTo(HeartRateZone.ABOVE);
  }

  @Test
  void unknownWhenEitherSideIsUnknown() {
    assertThat(HeartRateZone.of(150, 70, null, null)).as("no ceiling (no pain)").isNull();
    assertThat(HeartRateZone.of(null, null, 135, 60)).as("no sample").isNull();
    assertThat(HeartRateZone.of(150, null, null, 60)).as("bpm against %HRR only").isNull();
  }

  @Test
  void painTrendComparesTheNewestReportWithTheOneBefore() {
    GuardScript athlete = new GuardScript("ath-1").profile();
    athlete.pain(0, 4);
    assertThat(athlete.state().painDirection()).as("one report").isNull();

    athlete.pain(600, 6);
    assertThat(athlete.state().painDirection()).isEqualTo(PainDirection.RISING);

    athlete.pain(1200, 6);
    assertThat(athlete.state().painDirection()).isEqualTo(PainDirection.STEADY);

    athlete.pain(1800, 3);
    assertThat(athlete.state().painDirection()).isEqualTo(PainDirection.FALLING);
  }
}
