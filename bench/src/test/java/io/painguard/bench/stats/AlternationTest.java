package io.painguard.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.bench.stats.Alternation.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternationTest {

  @Test
  void aBaselineAndTheAppAlternateRoundByRound() {
    // When
    List<Step> plan = Alternation.of(List.of("baseline-eos", "painguard"), 3);

    // Then B A B A B A
    assertThat(plan).extracting(Step::phase).containsExactly(
        "baseline-eos", "painguard", "baseline-eos", "painguard", "baseline-eos", "painguard");
    assertThat(plan).extracting(Step::round).containsExactly(1, 1, 2, 2, 3, 3);
  }

  @Test
  void everyPhaseRunsOncePerRoundInTheGivenOrder() {
    List<Step> plan = Alternation.of(List.of("baseline-eos", "baseline-plain", "painguard"), 2);

    assertThat(plan).containsExactly(
        new Step(1, "baseline-eos"), new Step(1, "baseline-plain"), new Step(1, "painguard"),
        new Step(2, "baseline-eos"), new Step(2, "baseline-plain"), new Step(2, "painguard"));
  }

  @Test
  void twoPopulationsAlternateLikeABaselineAndTheApp() {
    List<Step> plan = Alternation.of(List.of("1000", "100000"), 3);

    assertThat(plan).extracting(Step::phase).containsExactly("1000", "100000", "1000", "100000", "1000", "100000");
  }

  @Test
  void zeroRoundsOrNoPhaseIsRefused() {
    assertThatThrownBy(() -> Alternation.of(List.of("painguard"), 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Alternation.of(List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
