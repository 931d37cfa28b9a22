package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.DeviceSource;
import org.junit.jupiter.api.Test;

/** The per-second history: sample hold 30 s, heart-rate precedence 30 s (the defaults). */
class ExertionWindowTest {

  private static final long START = 1_741_000_000L; // an epoch second
  private static final int RUNNING = StateCodes.ACTIVITY.code(ActivityType.RUNNING);
  private static final int CYCLING = StateCodes.ACTIVITY.code(ActivityType.CYCLING);
  private static final int REST = StateCodes.ACTIVITY.code(ActivityType.REST);
  private final GuidanceSettings settings = GuidanceSettings.defaults();
  private final HeartRateLimits limits = HeartRateLimits.of(null, 60, 180, 2025, settings);
  private final ExertionWindow window = new ExertionWindow();

  @Test
  void countsSecondsAboveTheCeiling() {
    fill(0, 120, 140); // 66.7 %HRR
    fill(120, 180, 150); // 75 %HRR, the newest 60 s

    WindowSummary w = summarize(179, 70);

    assertThat(w.secondsAboveCeiling()).isEqualTo(60);
    assertThat(w.activeSeconds()).isEqualTo(120);
    assertThat(w.peakHeartRateBpm()).isEqualTo(150);
    assertThat(w.avgHeartRateBpm()).isEqualTo(145);
    assertThat(w.avgAboveCeilingHrrPct()).isEqualTo(75);
    assertThat(w.lastAboveSecond()).isEqualTo(START + 179);
  }

  @Test
  void anyWindowHeldCanBeSummedAgainAsOfAnEarlierSecond() {
    fill(0, 60, 100);
    fill(60, 300, 170);

    assertThat(summarize(119, 70).secondsAboveCeiling()).isEqualTo(60);
    assertThat(summarize(299, 70).secondsAboveCeiling()).isEqualTo(120);
  }

  @Test
  void aHeartRateAtTheCeilingIsNotAbove() {
    fill(0, 120, 144); // exactly 70 %HRR

    assertThat(summarize(119, 70).secondsAboveCeiling()).isZero();
  }

  @Test
  void aLoneSpikeCountsForOneSecondOnly() {
    fill(0, 50, 100);
    add(50, 200);
    fill(51, 120, 100);

    assertThat(summarize(119, 50).secondsAboveCeiling()).isEqualTo(1);
  }

  @Test
  void aSampleStandsForItsActivityUntilTheNextOneForAtMostTheHold() {
    add(0, 170);
    add(3, 170); // every 3 s: the gaps are filled
    add(50, 170); // 47 s later: only 30 s are

    assertThat(summarize(50, 50).secondsAboveCeiling()).isEqualTo(3 + 30 + 1);
  }

  @Test
  void aDeviceReportingEveryFifteenOrThirtySecondsCountsItsWholeInterval() {
    // Given: two devices above the ceiling for 2 minutes, one every 15 s, one every 30 s
    ExertionWindow every30 = new ExertionWindow();
    for (int s = 0; s <= 120; s += 15) {
      add(s, 170);
      if (s % 30 == 0) {
        every30.add(START + s, 170, RUNNING, false, Long.MIN_VALUE);
      }
    }

    // Then: every second of the window is above it, as for a device reporting every second
    assertThat(summarize(120, 50).secondsAboveCeiling()).isEqualTo(120);
    assertThat(every30.summarize(START + 120, 120, Long.MIN_VALUE, -1, 50, limits, settings).secondsAboveCeiling())
        .isEqualTo(120);
  }

  @Test
  void aLoneSampleCountsForTheHoldAndNoLonger() {
    add(0, 170);
    add(100, 100); // the next sample, 100 s later

    WindowSummary w = summarize(100, 50);

    assertThat(w.secondsAboveCeiling()).as("seconds 0..29").isEqualTo(30);
    assertThat(w.lastAboveSecond()).isEqualTo(START + 29);
    assertThat(w.secondsAboveCeiling()).isLessThan((int) settings.sustainedMinAbove().toSeconds());
  }

  @Test
  void sparseSamplesWrittenInAnyOrderSumTheSame() {
    // Given: a 15 s device's samples, one above the ceiling among easy ones, written newest first
    ExertionWindow inOrder = new ExertionWindow();
    for (int s = 0; s <= 120; s += 15) {
      inOrder.add(START + s, s == 45 ? 170 : 100, RUNNING, false, Long.MIN_VALUE);
    }
    for (int s = 120; s >= 0; s -= 15) {
      add(s, s == 45 ? 170 : 100);
    }

    // Then: the same seconds count, and the spike counts for its 15 s only
    WindowSummary late = summarize(120, 50);
    WindowSummary ordered = inOrder.summarize(START + 120, 120, Long.MIN_VALUE, -1, 50, limits, settings);
    assertThat(late).isEqualTo(ordered);
    assertThat(late.secondsAboveCeiling()).as("45..59").isEqualTo(15);
  }

  @Test
  void twoSamplesInOneSecondCombineTheSameInEitherOrder() {
    ExertionWindow other = new ExertionWindow();
    window.add(START, 100, RUNNING, false, Long.MIN_VALUE);
    window.add(START, ExertionWindow.VIGOROUS, CYCLING, true, Long.MIN_VALUE);
    other.add(START, ExertionWindow.VIGOROUS, CYCLING, true, Long.MIN_VALUE);
    other.add(START, 100, RUNNING, false, Long.MIN_VALUE);

    assertThat(window.code(START)).isEqualTo(other.code(START)).isEqualTo(100);
    assertThat(window.activity(START)).isEqualTo(other.activity(START));
    assertThat(summarize(0, 50).secondsAboveCeiling()).isZero();
  }

  @Test
  void aChestStrapsHeartRateBeatsAnotherInTheSameSecondWhateverTheValuesAndOrder() {
    // Given: a chest strap at 130 bpm and a wrist sensor locked onto the cadence at 165, written
    // strap first into one history and wrist first into another
    ExertionWindow wristFirst = new ExertionWindow();
    for (int s = 0; s < 120; s++) {
      window.add(START + s, strap(130), RUNNING, false, Long.MIN_VALUE);
      window.add(START + s, 165, RUNNING, false, Long.MIN_VALUE);
      wristFirst.add(START + s, 165, RUNNING, false, Long.MIN_VALUE);
      wristFirst.add(START + s, strap(130), RUNNING, false, Long.MIN_VALUE);
    }

    // Then: both hold the strap's 130 bpm, under a 60 %HRR ceiling (132 bpm)
    assertThat(window.code(START + 7)).isEqualTo(wristFirst.code(START + 7)).isEqualTo(130);
    WindowSummary w = summarize(119, 60);
    assertThat(w).isEqualTo(wristFirst.summarize(START + 119, 120, Long.MIN_VALUE, -1, 60, limits, settings));
    assertThat(w.secondsAboveCeiling()).isZero();
    assertThat(w.peakHeartRateBpm()).isEqualTo(130);
    assertThat(w.activeSeconds()).isEqualTo(120);
  }

  @Test
  void anotherHeartRateWithinThePrecedenceOfAChestStrapsYieldsToIt() {
    // Given: a wrist sensor every second at 165 bpm, written first; a strap every 15 s at 130
    for (int s = 0; s <= 120; s++) {
      add(s, 165);
    }
    for (int s = 0; s <= 120; s += 15) {
      window.add(START + s, strap(130), RUNNING, false, Long.MIN_VALUE);
    }

    // Then: every second is the strap's
    WindowSummary w = summarize(120, 60);
    assertThat(w.secondsAboveCeiling()).isZero();
    assertThat(w.avgHeartRateBpm()).isEqualTo(130);
    assertThat(w.activeSeconds()).isEqualTo(120);
  }

  @Test
  void whenTheChestStrapGoesQuietTheOtherHeartRateCountsAgain() {
    // Given: one strap sample at second 0, a wrist sensor every second
    window.add(START, strap(130), RUNNING, false, Long.MIN_VALUE);
    for (int s = 0; s <= 120; s++) {
      add(s, 165);
    }

    // Then: the strap stands for its 30 s hold (0..29), second 30 is still within its precedence,
    // and the wrist counts from second 31
    WindowSummary w = summarize(120, 60);
    assertThat(w.secondsAboveCeiling()).as("31..120").isEqualTo(90);
    assertThat(w.peakHeartRateBpm()).isEqualTo(165);
  }

  @Test
  void theChestStrapMarkSurvivesTheStoredBytes() {
    // Given: a strap's heart rate, stored and read back
    window.add(START, strap(130), RUNNING, false, Long.MIN_VALUE);
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(window.encodedSize());
    window.writeTo(bytes);
    ExertionWindow read = ExertionWindow.readFrom(bytes.flip());

    // When: a wrist sample for the same second arrives
    read.add(START, 165, RUNNING, false, Long.MIN_VALUE);

    // Then: the strap's heart rate stays
    assertThat(read.code(START)).isEqualTo(130);
    assertThat(read.lastStrapSecond(START, START)).isEqualTo(START);
  }

  @Test
  void classOnlySamplesUseTheirEquivalentIntensity() {
    for (int s = 0; s < 60; s++) {
      add(s, ExertionWindow.VIGOROUS);
    }

    WindowSummary w = summarize(59, 70);

    assertThat(w.secondsAboveCeiling()).isEqualTo(60);
    assertThat(w.avgHeartRateBpm()).isNull();
    assertThat(w.avgAboveCeilingHrrPct()).isEqualTo(settings.vigorousEquivalentHrrPct());
  }

  @Test
  void restSecondsNeverCount() {
    for (int s = 0; s < 120; s++) {
      window.add(START + s, ExertionWindow.REST, REST, false, Long.MIN_VALUE);
    }

    assertThat(summarize(119, 50).secondsAboveCeiling()).isZero();
    assertThat(window.lastNonRestSecond(START + 119, START)).isEqualTo(Long.MIN_VALUE);
    assertThat(window.lastSampleSecond(START + 119, START)).isEqualTo(START + 119);
  }

  @Test
  void secondsBeforeAReportChangeAreJudgedAgainstTheEarlierCeiling() {
    fill(0, 120, 140); // 66.7 %HRR: above 60, under 70

    WindowSummary w = window.summarize(START + 119, 120, START + 60, 70, 60, limits, settings);

    assertThat(w.secondsAboveCeiling()).isEqualTo(60);
  }

  @Test
  void aLateSampleFillsItsOwnSecondAndOlderOnesThanTheHistoryAreRefused() {
    fill(0, 60, 170);
    fill(150, 151, 100); // 90 s later

    assertThat(summarize(150, 50).secondsAboveCeiling()).as("31..59, and 60..88 held").isEqualTo(58);
    assertThat(window.add(START + 100, 170, RUNNING, false, Long.MIN_VALUE)).isTrue();
    assertThat(summarize(150, 50).secondsAboveCeiling()).as("and 100..129").isEqualTo(88);
    assertThat(window.add(START + 10, 170, RUNNING, false, START + 20)).as("older than the history").isFalse();
    assertThat(window.add(START + 100, 170, RUNNING, false, Long.MIN_VALUE)).as("nothing new").isFalse();
  }

  @Test
  void forgettingEverythingLeavesAnEmptyHistory() {
    fill(0, 60, 170);

    window.forgetBefore(START + 60);

    assertThat(window.isEmpty()).isTrue();
    assertThat(summarize(200, 50).activeSeconds()).isZero();
  }

  @Test
  void countsSeparateBendsNotSecondsBent() {
    for (int s = 0; s < 30; s++) {
      boolean bent = s >= 5 && s < 10 || s == 15 || s >= 20 && s < 22;
      window.add(START + s, 100, RUNNING, bent, Long.MIN_VALUE);
    }

    WindowSummary w = summarize(29, 70);

    assertThat(w.flexionRepetitions()).isEqualTo(3);
    assertThat(w.lastFlexionSecond()).isEqualTo(START + 21);
  }

  @Test
  void anEstimateBesideAMeasuredHeartRateStandsForTheHeartRateForTheRestOfItsHold() {
    // Given: a wrist sample every 4 s, a bike sample every second (vigorous by its power)
    for (int s = 0; s < 120; s++) {
      if (s % 4 == 0) {
        add(s, 100); // 33 %HRR
      }
      window.add(START + s, ExertionWindow.VIGOROUS, CYCLING, false, Long.MIN_VALUE);
    }

    // Then: every second is the wrist's 100 bpm, none is the bike's vigorous class
    WindowSummary w = summarize(119, 50);
    assertThat(w.secondsAboveCeiling()).isZero();
    assertThat(w.activeSeconds()).isEqualTo(120);
    assertThat(w.avgHeartRateBpm()).isEqualTo(100);
  }

  @Test
  void anEstimatePastTheHeartRatesHoldCarriesNothingButStillMarksABend() {
    add(0, 170);

    // HR 30 s old: past its hold, still within the precedence
    window.add(START + 30, ExertionWindow.VIGOROUS, CYCLING, true, Long.MIN_VALUE);

    WindowSummary w = summarize(30, 50);
    assertThat(w.secondsAboveCeiling()).as("seconds 0..29 only").isEqualTo(30);
    assertThat(w.flexionRepetitions()).isEqualTo(1);
    assertThat(w.lastFlexionSecond()).isEqualTo(START + 30);
  }

  @Test
  void anEstimateBeforeAnyHeartRateCountsWhateverArrivedFirst() {
    add(20, 100);
    window.add(START + 10, ExertionWindow.VIGOROUS, CYCLING, false, Long.MIN_VALUE); // late

    assertThat(summarize(20, 50).secondsAboveCeiling()).as("10..19, up to the heart rate").isEqualTo(10);
  }

  private static int strap(int hr) {
    return ExertionWindow.codeOf(false, hr, IntensityClass.VIGOROUS, DeviceSource.CHEST_STRAP);
  }

  private void add(int offset, int code) {
    window.add(START + offset, code, RUNNING, false, Long.MIN_VALUE);
  }

  private void fill(int from, int to, int hr) {
    for (int s = from; s < to; s++) {
      add(s, hr);
    }
  }

  private WindowSummary summarize(int nowOffset, int ceiling) {
    return window.summarize(START + nowOffset, 120, Long.MIN_VALUE, -1, ceiling, limits, settings);
  }
}
