package io.painguard.rules;

import static io.painguard.events.ActivityType.CYCLING;
import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.WALKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntensityClassTest {

  private final GuidanceSettings settings = GuidanceSettings.defaults();

  @ParameterizedTest
  @EnumSource(names = {"RUNNING", "HIIT", "STAIR_CLIMBING", "STRENGTH_TRAINING"})
  void theIssuesHardActivitiesAreVigorousAndAboveEveryCeiling(ActivityType type) {
    IntensityClass c = IntensityClass.classify(type, null, null, settings);

    assertThat(c).isEqualTo(IntensityClass.VIGOROUS);
    assertThat(c.equivalentHrrPct(settings)).isGreaterThan(settings.mildCeilingHrrPct());
  }

  @ParameterizedTest
  @EnumSource(names = {"REST", "WALKING", "AQUATIC_EXERCISE", "YOGA", "STRETCHING", "UNKNOWN"})
  void easyActivitiesAreLight(ActivityType type) {
    IntensityClass c = IntensityClass.classify(type, null, null, settings);

    assertThat(c).isEqualTo(IntensityClass.LIGHT);
    assertThat(c.equivalentHrrPct(settings)).isLessThan(settings.severeCeilingHrrPct());
  }

  @Test
  void speedDecidesForWalkingAndRunning() {
    assertThat(IntensityClass.classify(RUNNING, 1.0f, null, settings)).isEqualTo(IntensityClass.LIGHT);
    assertThat(IntensityClass.classify(WALKING, 1.8f, null, settings))
        .isEqualTo(IntensityClass.MODERATE);
    assertThat(IntensityClass.classify(WALKING, 2.5f, null, settings))
        .isEqualTo(IntensityClass.VIGOROUS);
  }

  @Test
  void powerDecidesForCyclingRowingAndTheElliptical() {
    assertThat(IntensityClass.classify(CYCLING, null, null, settings))
        .isEqualTo(IntensityClass.MODERATE);
    assertThat(IntensityClass.classify(CYCLING, null, 30, settings)).isEqualTo(IntensityClass.LIGHT);
    assertThat(IntensityClass.classify(ActivityType.ROWING, null, 180, settings))
        .isEqualTo(IntensityClass.VIGOROUS);
  }

  @Test
  void speedDoesNotDowngradeStrengthTraining() {
    assertThat(IntensityClass.classify(ActivityType.STRENGTH_TRAINING, 0.1f, 10, settings))
        .isEqualTo(IntensityClass.VIGOROUS);
  }
}
