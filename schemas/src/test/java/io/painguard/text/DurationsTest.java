package io.painguard.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesEveryFormTheSettingsAndScenariosWrite() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("5 min")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("15MIN")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("9m55s")).isEqualTo(Duration.ofSeconds(595));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("pt2m")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void aBareNumberIsSecondsOnlyWhereAskedFor() {
    assertThat(Durations.parseOrSeconds("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.parseOrSeconds("1m")).isEqualTo(Duration.ofMinutes(1));
    // a setting of "60" could mean seconds or milliseconds: refused rather than guessed
    assertThatThrownBy(() -> Durations.parse("60")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAnythingElseSayingWhatIsAccepted() {
    for (String bad : new String[] {"", "5 minutes", "m5", "5x", "PTX", "-5m", null}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("90s, 5m, 1h30m");
    }
  }

  @Test
  void formatsSettingsInOneUnitAndReportsCompound() {
    assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("1d");
    assertThat(Durations.format(Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.formatCompound(Duration.ofSeconds(5400))).isEqualTo("1h30m");
    assertThat(Durations.formatCompound(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.formatCompound(Duration.ZERO)).isEqualTo("0s");
  }
}
