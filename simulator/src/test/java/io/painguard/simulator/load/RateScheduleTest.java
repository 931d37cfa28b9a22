package io.painguard.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

  private static final long MS = 1_000_000;

  @Test
  void permitsGrowWithTimeAtTheTargetRate() {
    RateSchedule schedule = new RateSchedule(2000, 0, 10_000);
    assertThat(schedule.permits(0, 0)).isEqualTo(1);
    assertThat(schedule.permits(10 * MS, 0)).isEqualTo(21);
    assertThat(schedule.permits(500 * MS, 0)).isEqualTo(1001);
    assertThat(schedule.permits(500 * MS, 1001)).isZero();
    assertThat(schedule.permits(1000 * MS, 1001)).isEqualTo(1000);
  }

  @Test
  void saysHowLongUntilTheNextSendIsDue() {
    RateSchedule schedule = new RateSchedule(1000, 0, 1000);
    assertThat(schedule.nanosUntilDue(0, 0)).isZero();
    assertThat(schedule.nanosUntilDue(0, 5)).isEqualTo(5 * MS);
    assertThat(schedule.nanosUntilDue(3 * MS, 5)).isEqualTo(2 * MS);
    assertThat(schedule.nanosUntilDue(9 * MS, 5)).isZero();
  }

  @Test
  void writesOffBacklogBeyondTheLimitAfterAStall() {
    // Given a sender that stalled for 10 s at 1000/s with the default 5 s of backlog
    RateSchedule schedule = RateSchedule.withDefaultBacklog(1000, 0);
    long permits = schedule.permits(10_000 * MS, 0);
    // Then it may catch up 5000, the rest is written off
    assertThat(permits).isEqualTo(5000);
    assertThat(schedule.writtenOff()).isEqualTo(5001);
    // and afterwards the rate is the target again
    assertThat(schedule.permits(10_500 * MS, 5000)).isBetween(499L, 501L);
  }

  @Test
  void simulatedSendingHitsTheRateExactly() {
    // A sender that sends whatever is due every 3 ms for 10 s of simulated time
    RateSchedule schedule = RateSchedule.withDefaultBacklog(2000, 0);
    long sent = 0;
    for (long t = 0; t < 10_000 * MS; t += 3 * MS) {
      sent += schedule.permits(t, sent);
    }
    assertThat(sent).isBetween(19_990L, 20_001L);
    assertThat(schedule.writtenOff()).isZero();
  }

  @Test
  void aShortStallIsCaughtUpSoTheAverageHolds() {
    // A sender that sends what is due every 5 ms, but stalls for 3 s in the middle of 10 s
    RateSchedule schedule = RateSchedule.withDefaultBacklog(2000, 0);
    long sent = 0;
    for (long t = 0; t < 10_000 * MS; t += 5 * MS) {
      if (t < 4_000 * MS || t >= 7_000 * MS) {
        sent += Math.min(schedule.permits(t, sent), 1000);
      }
    }
    assertThat(sent).isBetween(19_990L, 20_001L);
    assertThat(schedule.writtenOff()).isZero();
  }

  @Test
  void aPerSecondScheduleCatchesUpOneSecondAtMost() {
    RateSchedule schedule = RateSchedule.perSecond(1000, 0);
    assertThat(schedule.permits(10_000 * MS, 0)).isEqualTo(1000);
    assertThat(schedule.writtenOff()).isEqualTo(9001);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RateSchedule(0, 0, 1)).hasMessageContaining("positive");
    assertThatThrownBy(() -> new RateSchedule(10, 0, 0)).hasMessageContaining("maxBacklog");
  }
}
