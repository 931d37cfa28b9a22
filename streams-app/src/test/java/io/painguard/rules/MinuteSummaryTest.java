package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.events.ActivityType;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The stored row of one athlete-minute: golden bytes per version, and what cannot be read. */
class MinuteSummaryTest {

  private static final long START = Instant.parse("2025-03-03T08:02:00Z").toEpochMilli();
  private static final long REPORTED = Instant.parse("2025-03-03T08:00:00Z").toEpochMilli();

  @Test
  void version1IsTheVersionByteThenTheMinutesFiguresThenTheReportInForce() {
    // Given a minute of running at 152 bpm on average (peak 171), against a 132 bpm ceiling at 5/10
    MinuteSummary minute =
        new MinuteSummary(START, 152, 171, 132, 41, 60, ActivityType.RUNNING, 5, "r-1", REPORTED, 5);

    // Then its bytes are exactly these: a change to the stored format must add a version, not alter this one
    assertThat(HexFormat.of().formatHex(minute.encode()))
        .isEqualTo("01" + "98" + "ab" + "0084" + "29" + "3c" + "03" + "05"
            + "000001955b04dc00" + "05" + "0003" + "722d31");
    // And they read back as the same minute
    assertThat(MinuteSummary.decode(START, minute.encode())).isEqualTo(minute);
  }

  @Test
  void version1WithoutHeartRateCeilingOrReportKeepsThemAbsent() {
    // Given a minute of cycling on equipment without heart rate and without a pain report
    MinuteSummary minute =
        new MinuteSummary(START, null, null, null, 0, 45, ActivityType.CYCLING, 0, null, AthleteState.NONE, 0);

    assertThat(HexFormat.of().formatHex(minute.encode()))
        .isEqualTo("01" + "00" + "00" + "0000" + "00" + "2d" + "04" + "00" + "8000000000000000" + "00" + "ffff");
    assertThat(MinuteSummary.decode(START, minute.encode())).isEqualTo(minute);
  }

  @Test
  void aRowOfAnUnknownVersionOrCutShortIsRefusedWithASentence() {
    assertThatThrownBy(() -> MinuteSummary.decode(START, new byte[] {9, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Not a minute summary this build can read (version 9).");
    assertThatThrownBy(() -> MinuteSummary.decode(START, new byte[] {1, 0, 0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A minute summary shorter than its version says.");
  }
}
