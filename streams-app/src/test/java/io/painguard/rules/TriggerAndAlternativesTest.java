package io.painguard.rules;

import static io.painguard.events.Movement.BENDING;
import static io.painguard.events.Movement.JUMPING;
import static io.painguard.events.Movement.LIFTING;
import static io.painguard.events.Movement.RUNNING;
import static io.painguard.events.Movement.SITTING;
import static io.painguard.events.Movement.STANDING;
import static io.painguard.events.Movement.TWISTING;
import static io.painguard.events.Movement.WALKING;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ActivityType;
import io.painguard.events.Movement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriggerAndAlternativesTest {

  @Test
  void theTriggerTableMatchesTheIssue() {
    assertThat(MovementTable.movementsOf(ActivityType.STRENGTH_TRAINING))
        .contains(LIFTING, BENDING, TWISTING);
    assertThat(MovementTable.movementsOf(ActivityType.RUNNING)).contains(RUNNING, JUMPING);
    assertThat(MovementTable.movementsOf(ActivityType.ROWING)).contains(BENDING, SITTING);
    assertThat(MovementTable.movementsOf(ActivityType.CYCLING)).contains(SITTING, BENDING);
    assertThat(MovementTable.movementsOf(ActivityType.WALKING)).contains(WALKING, STANDING);
    assertThat(MovementTable.movementsOf(ActivityType.REST)).isEmpty();
  }

  @Test
  void involvesAnyIsTrueOnlyForANamedTrigger() {
    assertThat(MovementTable.involvesAny(ActivityType.STRENGTH_TRAINING, List.of(LIFTING))).isTrue();
    assertThat(MovementTable.involvesAny(ActivityType.STRENGTH_TRAINING, List.of(WALKING)))
        .isFalse();
    assertThat(MovementTable.involvesAny(ActivityType.RUNNING, List.of())).isFalse();
  }

  @Test
  void alternativesInsteadOfRunningLiftingOrHiitAreTheGuidancesEasyOptions() {
    for (ActivityType hard :
        List.of(ActivityType.RUNNING, ActivityType.STRENGTH_TRAINING, ActivityType.HIIT)) {
      assertThat(Alternatives.suggest(hard, List.of()))
          .containsExactly(
              ActivityType.WALKING,
              ActivityType.AQUATIC_EXERCISE,
              ActivityType.STRETCHING,
              ActivityType.YOGA,
              ActivityType.CORE_STABILITY);
    }
  }

  @Test
  void alternativesNeverContainTheCurrentActivityNorOneInvolvingATrigger() {
    for (ActivityType current : ActivityType.values()) {
      for (List<Movement> triggers : triggerCombinations()) {
        List<ActivityType> suggested = Alternatives.suggest(current, triggers);

        assertThat(suggested).doesNotContain(current);
        for (ActivityType a : suggested) {
          assertThat(MovementTable.involvesAny(a, triggers))
              .as("%s suggested instead of %s with triggers %s", a, current, triggers)
              .isFalse();
        }
      }
    }
  }

  @Test
  void bendingRulesOutStretchingAndYoga() {
    assertThat(Alternatives.suggest(ActivityType.ROWING, List.of(BENDING)))
        .containsExactly(
            ActivityType.WALKING, ActivityType.AQUATIC_EXERCISE, ActivityType.CORE_STABILITY);
  }

  @Test
  void gentleMovementIsWalkingUnlessWalkingIsATrigger() {
    assertThat(Alternatives.gentleMovement(List.of())).containsExactly(ActivityType.WALKING);
    assertThat(Alternatives.gentleMovement(List.of(WALKING)))
        .doesNotContain(ActivityType.WALKING)
        .contains(ActivityType.AQUATIC_EXERCISE);
  }

  private static List<List<Movement>> triggerCombinations() {
    List<List<Movement>> out = new ArrayList<>();
    out.add(List.of());
    for (Movement a : Movement.values()) {
      out.add(List.of(a));
      for (Movement b : Movement.values()) {
        if (a.ordinal() < b.ordinal()) {
          out.add(List.of(a, b));
        }
      }
    }
    out.add(List.of(Movement.values()));
    assertThat(Set.copyOf(out)).hasSameSizeAs(out);
    return out;
  }
}
