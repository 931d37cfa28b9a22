package io.painguard.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpreadTest {

  @Test
  void anOddCountHasItsMiddleValueAsMedianWhateverTheOrder() {
    // Given three runs, the slowest first
    // When
    Spread s = Spread.of(90, 120, 100);

    // Then
    assertThat(s.runs()).isEqualTo(3);
    assertThat(s.median()).isEqualTo(100);
    assertThat(s.min()).isEqualTo(90);
    assertThat(s.max()).isEqualTo(120);
    assertThat(s.relativeSpread()).isCloseTo(0.30, within(1e-12));
  }

  @Test
  void anEvenCountHasTheMeanOfItsTwoMiddleValuesAsMedian() {
    Spread s = Spread.of(4, 1, 3, 2);

    assertThat(s.median()).isEqualTo(2.5);
    assertThat(s.relativeSpread()).isCloseTo(3 / 2.5, within(1e-12));
  }

  @Test
  void oneOutlierMovesTheRangeButNotTheMedian() {
    // Given three steady runs and one disturbed by another job on the machine
    Spread steady = Spread.of(100, 101, 99);
    Spread disturbed = Spread.of(100, 101, 99, 10, 102);

    // Then
    assertThat(disturbed.median()).isEqualTo(100);
    assertThat(disturbed.min()).isEqualTo(10);
    assertThat(disturbed.relativeSpread()).isGreaterThan(steady.relativeSpread());
  }

  @Test
  void oneRunHasNoSpread() {
    Spread s = Spread.of(42);

    assertThat(s.median()).isEqualTo(42);
    assertThat(s.relativeSpread()).isZero();
  }

  @Test
  void noRunIsRefused() {
    assertThatThrownBy(Spread::of).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allAtLeastAndAllAtMostLookAtEveryRun() {
    Spread s = Spread.of(0.48, 0.52, 0.55);

    assertThat(s.allAtLeast(0.48)).isTrue();
    assertThat(s.allAtLeast(0.50)).isFalse();
    assertThat(s.allAtMost(0.55)).isTrue();
    assertThat(s.allAtMost(0.54)).isFalse();
  }
}
