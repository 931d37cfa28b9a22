package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PainRulesTest {

  private final GuidanceSettings settings = GuidanceSettings.defaults();

  @ParameterizedTest(name = "NRS {0} -> {1}, ceiling {2} %HRR")
  @CsvSource({
    "0, NONE, -1",
    "1, MILD, 70",
    "3, MILD, 70",
    "4, MODERATE, 60",
    "6, MODERATE, 60",
    "7, SEVERE, 50",
    "10, SEVERE, 50"
  })
  void bandsAndCeilingsFollowTheNumericRatingScale(int level, PainBand band, int ceiling) {
    assertThat(PainBand.of(level)).isEqualTo(band);
    assertThat(settings.ceilingHrrPct(band)).isEqualTo(ceiling);
  }

  @Test
  void aReportIsInForceForTwelveHoursAndNotAMillisecondMore() {
    long reportAt = 1_000_000L;
    long twelveHours = Duration.ofHours(12).toMillis();

    assertThat(PainInForce.at(reportAt, reportAt, 5, settings).active()).isTrue();
    assertThat(PainInForce.at(reportAt + twelveHours, reportAt, 5, settings).active()).isTrue();
    assertThat(PainInForce.at(reportAt + twelveHours + 1, reportAt, 5, settings))
        .isEqualTo(PainInForce.NONE);
  }

  @Test
  void levelZeroEndsTheEpisodeAndNoReportMeansNoCeiling() {
    assertThat(PainInForce.at(10, 5, 0, settings).active()).isFalse();
    assertThat(PainInForce.at(10, AthleteState.NONE, 5, settings).active()).isFalse();
    assertThat(PainInForce.at(10, 5, 5, settings))
        .isEqualTo(new PainInForce(true, 5, PainBand.MODERATE, 60));
  }
}
