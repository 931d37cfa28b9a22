package io.painguard.bench.result;

import io.painguard.bench.stats.Spread;
import java.util.ArrayList;
import java.util.List;

/**
 * The app on two populations with the same number of records, run alternately: how much the
 * number of athletes (distinct keys, so state size and changelog writes) costs.
 *
 * @param fewer the smaller population, e.g. 1,000
 * @param more the larger one, e.g. 100,000
 * @param fewerRuns the app's runs on the smaller population
 * @param moreRuns the app's runs on the larger one
 * @param wholeRun median whole-run rate of the larger population over the smaller's
 * @param steady the same with steady rates
 * @param steadyPerRound each round's steady ratio
 */
public record AthletesComparison(
    int fewer,
    int more,
    PhaseSummary fewerRuns,
    PhaseSummary moreRuns,
    double wholeRun,
    double steady,
    Spread steadyPerRound) {

  /** The comparison of the app's runs on two populations, paired by round. */
  public static AthletesComparison of(int fewer, List<Phase> fewerRuns, int more, List<Phase> moreRuns) {
    PhaseSummary a = PhaseSummary.of(fewerRuns);
    PhaseSummary b = PhaseSummary.of(moreRuns);
    List<Double> perRound = new ArrayList<>();
    for (Phase run : moreRuns) {
      fewerRuns.stream().filter(p -> p.round() == run.round()).findFirst()
          .ifPresent(pair -> perRound.add(run.throughput().steadyRatioTo(pair.throughput())));
    }
    return new AthletesComparison(
        fewer, more, a, b,
        b.recordsPerSecond().median() / a.recordsPerSecond().median(),
        b.steadyRecordsPerSecond().median() / a.steadyRecordsPerSecond().median(),
        Spread.of(perRound.stream().mapToDouble(Double::doubleValue).toArray()));
  }
}
