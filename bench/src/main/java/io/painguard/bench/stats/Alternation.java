package io.painguard.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the repeated phases run: round after round, every phase once per round (B A
 * B A B A for a baseline and the app). Interleaving rather than running all of B, then all of A
 * means a slow drift of the machine (another job starting, the page cache filling, the broker's
 * logs growing) touches both alike, and each round's B and A make a pair whose ratio is judged.
 */
public final class Alternation {

  /**
   * One run of the plan.
   *
   * @param round 1-based round
   * @param phase the phase's name
   */
  public record Step(int round, String phase) {}

  private Alternation() {}

  /** {@code repeats} rounds of {@code phases}, in the given order within each round. */
  public static List<Step> of(List<String> phases, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("nothing to run");
    }
    List<Step> steps = new ArrayList<>();
    for (int round = 1; round <= repeats; round++) {
      for (String phase : phases) {
        steps.add(new Step(round, phase));
      }
    }
    return List.copyOf(steps);
  }
}
