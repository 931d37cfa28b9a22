package io.painguard.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DurationsTest {

  @Test
  void parsesHumanAndIsoDurations() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("9m55s")).isEqualTo(Duration.ofSeconds(595));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("2d")).isEqualTo(Duration.ofDays(2));
    assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void rejectsAnythingElseSayingWhatIsAccepted() {
    for (String bad : new String[] {"", "5 minutes", "m5", "5x", "PTX"}) {
      assertThatThrownBy(() -> Durations.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("90s, 5m, 1h30m");
    }
  }

  @Test
  void formatsCompactly() {
    assertThat(Durations.format(Duration.ofSeconds(5400))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void startTimesAreNowRelativeOrAbsolute() {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    assertThat(StartTime.parse("now").resolve(now)).isEqualTo(now);
    assertThat(StartTime.parse("now-26h").resolve(now)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
    assertThat(StartTime.parse("NOW+5m").resolve(now)).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
    assertThat(StartTime.parse("2025-03-01T08:00:00Z").resolve(now)).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(StartTime.parse("2025-03-01T09:00:00+01:00").resolve(now)).isEqualTo(Instant.parse("2025-03-01T08:00:00Z"));
    assertThat(StartTime.parse("now-26h")).hasToString("now-26h");
    assertThatThrownBy(() -> StartTime.parse("yesterday")).hasMessageContaining("ISO-8601");
  }

  @Test
  void timeModesAcceptTheirLabelsInAnySpelling() {
    assertThat(TimeMode.parse("realtime")).isEqualTo(TimeMode.REALTIME);
    assertThat(TimeMode.parse("as-fast-as-possible")).isEqualTo(TimeMode.AS_FAST_AS_POSSIBLE);
    assertThat(TimeMode.parse("asFastAsPossible")).isEqualTo(TimeMode.AS_FAST_AS_POSSIBLE);
    assertThat(TimeMode.parse("COMPRESSED")).isEqualTo(TimeMode.COMPRESSED);
    assertThatThrownBy(() -> TimeMode.parse("slow")).hasMessageContaining("realtime, compressed or asFastAsPossible");
  }
}
