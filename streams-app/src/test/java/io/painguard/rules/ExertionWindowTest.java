package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExertionWindowTest {

  private static final long START = 1_741_000_000L; // an epoch second
  private final GuidanceSettings settings = GuidanceSettings.defaults();
  private final HeartRateLimits limits = HeartRateLimits.of(null, 60, 180, 2025, settings);
  private final ExertionWindow window = new ExertionWindow(120);

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
  void aHeartRateAtTheCeilingIsNotAbove() {
    fill(0, 120, 144); // exactly 70 %HRR

    assertThat(summarize(119, 70).secondsAboveCeiling()).isZero();
  }

  @Test
  void aLoneSpikeCountsForOneSecondOnly() {
    fill(0, 50, 100);
    window.add(START + 50, 200, false, 5);
    fill(51, 120, 100);

    assertThat(summarize(119, 50).secondsAboveCeiling()).isEqualTo(1);
  }

  @Test
  void aSampleStandsForItsActivityUntilTheNextOneForAtMostTheHold() {
    window.add(START, 170, false, 5);
    window.add(START + 3, 170, false, 5); // every 3 s: the gaps are filled
    window.add(START + 20, 170, false, 5); // 17 s later: only 5 s are

    assertThat(summarize(20, 50).secondsAboveCeiling()).isEqualTo(3 + 5 + 1);
  }

  @Test
  void aMeasuredHeartRateWinsOverAClassOnlySampleInTheSameSecond() {
    window.add(START, 100, false, 1);
    window.add(START, ExertionWindow.VIGOROUS, false, 1);

    assertThat(summarize(0, 50).secondsAboveCeiling()).isZero();
  }

  @Test
  void classOnlySamplesUseTheirEquivalentIntensity() {
    for (int s = 0; s < 60; s++) {
      window.add(START + s, ExertionWindow.VIGOROUS, false, 1);
    }

    WindowSummary w = summarize(59, 70);

    assertThat(w.secondsAboveCeiling()).isEqualTo(60);
    assertThat(w.avgHeartRateBpm()).isNull();
    assertThat(w.avgAboveCeilingHrrPct()).isEqualTo(settings.vigorousEquivalentHrrPct());
  }

  @Test
  void restSecondsNeverCountEvenWithAHighHeartRate() {
    for (int s = 0; s < 120; s++) {
      window.add(START + s, ExertionWindow.REST, false, 1);
    }

    assertThat(summarize(119, 50).secondsAboveCeiling()).isZero();
  }

  @Test
  void secondsBeforeAReportChangeAreJudgedAgainstTheEarlierCeiling() {
    fill(0, 120, 140); // 66.7 %HRR: above 60, under 70

    WindowSummary w =
        window.summarize(START + 119, START + 60, 70, 60, limits, settings);

    assertThat(w.secondsAboveCeiling()).isEqualTo(60);
  }

  @Test
  void oldSecondsLeaveTheWindowAndALateSampleFillsItsSecond() {
    fill(0, 60, 170);
    fill(150, 151, 100); // 90 s later

    assertThat(summarize(150, 50).secondsAboveCeiling()).isEqualTo(29); // seconds 31..59 remain
    assertThat(window.add(START + 100, 170, false, 1)).isTrue();
    assertThat(summarize(150, 50).secondsAboveCeiling()).isEqualTo(30);
    assertThat(window.add(START + 10, 170, false, 1)).as("older than the window").isFalse();
  }

  @Test
  void aWindowWithNothingRecentIsEmpty() {
    fill(0, 60, 170);

    window.expire(START + 59 + 120);

    assertThat(window.isEmpty()).isTrue();
    assertThat(summarize(200, 50).activeSeconds()).isZero();
  }

  @Test
  void countsSeparateBendsNotSecondsBent() {
    for (int s = 0; s < 30; s++) {
      boolean bent = s >= 5 && s < 10 || s == 15 || s >= 20 && s < 22;
      window.add(START + s, 100, bent, 1);
    }

    WindowSummary w = summarize(29, 70);

    assertThat(w.flexionRepetitions()).isEqualTo(3);
    assertThat(w.lastFlexionSecond()).isEqualTo(START + 21);
  }

  @Test
  void aHeldSampleStandsForTheMeasuredHeartRateForTheRestOfItsHold() {
    // Given: a wrist sample every 4 s, a bike sample every second (vigorous by its power)
    for (int s = 0; s < 120; s++) {
      if (s % 4 == 0) {
        window.add(START + s, 100, false, 5); // 33 %HRR
      }
      // When: the bike's seconds defer to the wrist's heart rate
      window.addHeld(START + s, START + s - s % 4, false, 5);
    }

    // Then: every second is the wrist's 100 bpm, none is the bike's vigorous class
    WindowSummary w = summarize(119, 50);
    assertThat(w.secondsAboveCeiling()).isZero();
    assertThat(w.activeSeconds()).isEqualTo(120);
    assertThat(w.avgHeartRateBpm()).isEqualTo(100);
  }

  @Test
  void aHeldSampleBeyondTheHoldCarriesNothingButStillMarksABend() {
    window.add(START, 170, false, 5);

    window.addHeld(START + 8, START, true, 5); // the heart rate is 8 s old: past its 5 s hold

    WindowSummary w = summarize(8, 50);
    assertThat(w.secondsAboveCeiling()).as("seconds 0..4 only").isEqualTo(5);
    assertThat(w.flexionRepetitions()).isEqualTo(1);
    assertThat(w.lastFlexionSecond()).isEqualTo(START + 8);
  }

  @Test
  void aHeldSampleNeverErasesWhatASecondAlreadyHolds() {
    window.add(START + 10, ExertionWindow.VIGOROUS, false, 1);
    window.add(START + 20, 100, false, 1);

    window.addHeld(START + 10, START + 20, false, 1); // a late sample, older than the heart rate

    assertThat(summarize(20, 50).secondsAboveCeiling()).isEqualTo(1);
  }

  private void fill(int from, int to, int hr) {
    for (int s = from; s < to; s++) {
      window.add(START + s, hr, false, 1);
    }
  }

  private WindowSummary summarize(int nowOffset, int ceiling) {
    return window.summarize(START + nowOffset, Long.MIN_VALUE, -1, ceiling, limits, settings);
  }
}
