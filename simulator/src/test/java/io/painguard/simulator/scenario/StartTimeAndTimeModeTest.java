package io.painguard.simulator.scenario;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StartTimeAndTimeModeTest {

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
