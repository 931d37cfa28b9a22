package io.painguard.bench.jmh;

import io.painguard.rules.GuardResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The guidance rules per input record ({@code AthleteGuard.on}): the simulated load's records
 * (samples, pain reports) against athletes whose states hold full windows. States stay in memory:
 * this is the rule evaluation alone, without the state's encoding or the store.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GuardBenchmark {

  @Param({"1000"})
  int athletes;

  private LoadFixture load;

  @Setup
  public void setUp() {
    load = new LoadFixture(athletes, 300, 120, 7);
  }

  @Benchmark
  public GuardResult onRecord() {
    int i = load.next();
    return load.guard.on(load.states[load.athleteOf[i]], load.signals[i]);
  }
}
