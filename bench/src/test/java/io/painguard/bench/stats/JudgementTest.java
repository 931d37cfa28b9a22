package io.painguard.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JudgementTest {

  @Test
  void aRatioGoalIsMetByTheMedianAndEveryRun() {
    // Given three runs all above 0.50
    // When
    Judgement j = Judgement.atLeast(Spread.of(0.52, 0.55, 0.61), 0.50);

    // Then
    assertThat(j.met()).isTrue();
    assertThat(j.everyRun()).isTrue();
    assertThat(j.verdict()).isEqualTo("met");
  }

  @Test
  void aMedianThatMeetsTheGoalWhileOneRunMissesItIsWithinNoise() {
    Judgement j = Judgement.atLeast(Spread.of(0.47, 0.52, 0.55), 0.50);

    assertThat(j.met()).isTrue();
    assertThat(j.everyRun()).isFalse();
    assertThat(j.verdict()).isEqualTo("met (within noise)");
  }

  @Test
  void aMedianBelowTheGoalIsNotMetAndSaysWhetherARunReachedIt() {
    Judgement clear = Judgement.atLeast(Spread.of(0.24, 0.25, 0.27), 0.50);
    Judgement close = Judgement.atLeast(Spread.of(0.45, 0.48, 0.51), 0.50);

    assertThat(clear.verdict()).isEqualTo("NOT met");
    assertThat(close.met()).isFalse();
    assertThat(close.verdict()).isEqualTo("NOT met (within noise)");
  }

  @Test
  void aLatencyGoalIsAnUpperBound() {
    Judgement under = Judgement.atMost(Spread.of(180, 202, 240), 250);
    Judgement straddling = Judgement.atMost(Spread.of(180, 240, 260), 250);
    Judgement over = Judgement.atMost(Spread.of(251, 300, 320), 250);

    assertThat(under.verdict()).isEqualTo("met");
    assertThat(straddling.verdict()).isEqualTo("met (within noise)");
    assertThat(over.verdict()).isEqualTo("NOT met");
  }

  @Test
  void exactlyTheGoalMeetsIt() {
    assertThat(Judgement.atLeast(Spread.of(0.50), 0.50).met()).isTrue();
    assertThat(Judgement.atMost(Spread.of(250), 250).met()).isTrue();
  }
}
