package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcYearTest {

  private static int reference(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).getYear();
  }

  @Test
  void theLastMillisecondOfAYearAndTheFirstOfTheNextAreTold() {
    long newYear2025 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

    // Given the year of an instant in 2024 was asked first, When the boundary is crossed both ways
    assertThat(UtcYear.of(newYear2025 - 86_400_000L)).isEqualTo(2024);
    assertThat(UtcYear.of(newYear2025 - 1)).isEqualTo(2024);
    assertThat(UtcYear.of(newYear2025)).isEqualTo(2025);
    assertThat(UtcYear.of(newYear2025 - 1)).isEqualTo(2024);
    // Then leap days and instants before the epoch too
    assertThat(UtcYear.of(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli())).isEqualTo(2024);
    assertThat(UtcYear.of(-1)).isEqualTo(1969);
    assertThat(UtcYear.of(0)).isEqualTo(1970);
  }

  @Test
  void agreesWithJavaTimeOnRandomInstantsInAnyOrder() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      // 1900-2100, jumping around, and runs of nearby instants as records come
      long t = random.nextLong(-2_208_988_800_000L, 4_102_444_800_000L);
      for (int k = 0; k < 3; k++) {
        long near = t + random.nextLong(-5_000_000_000L, 5_000_000_000L);
        assertThat(UtcYear.of(near)).as("%d", near).isEqualTo(reference(near));
      }
    }
  }
}
