package io.painguard.bench.stats;

/**
 * A target judged on repeated runs: met or not by the median, and whether every run agrees. A
 * target met by the median but not by every run is "met, within noise": the next run on this
 * machine may well say otherwise.
 *
 * @param met the median meets the goal
 * @param everyRun every run falls on the same side of the goal as the median
 */
public record Judgement(boolean met, boolean everyRun) {

  /** At least {@code goal} (throughput ratios), judged on the median. */
  public static Judgement atLeast(Spread values, double goal) {
    return atLeast(values.median(), values, goal);
  }

  /**
   * At least {@code goal}, judged on {@code figure} (e.g. a ratio of two medians), with {@code runs}
   * the same figure run by run (e.g. each round's ratio).
   */
  public static Judgement atLeast(double figure, Spread runs, double goal) {
    boolean met = figure >= goal;
    return new Judgement(met, met ? runs.allAtLeast(goal) : runs.max() < goal);
  }

  /** At most {@code goal} (latencies), judged on the median. */
  public static Judgement atMost(Spread values, double goal) {
    boolean met = values.median() <= goal;
    return new Judgement(met, met ? values.allAtMost(goal) : values.min() > goal);
  }

  /** "met", "NOT met", or either with "(within noise)" when the runs disagree. */
  public String verdict() {
    return (met ? "met" : "NOT met") + (everyRun ? "" : " (within noise)");
  }
}
