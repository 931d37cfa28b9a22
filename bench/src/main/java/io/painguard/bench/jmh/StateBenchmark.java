package io.painguard.bench.jmh;

import io.painguard.rules.AthleteState;
import io.painguard.rules.GuardResult;
import io.painguard.rules.GuidanceSettings;
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
 * The per-athlete state as the stateful processor handles it for every record: decode the stored
 * bytes, apply the record, encode the result -- and the parts on their own. Athletes' states come
 * from the simulated load after five minutes of event time (full detection windows).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateBenchmark {

  @Param({"1000"})
  int athletes;

  private LoadFixture load;
  private GuidanceSettings settings;
  private byte[][] stored;
  private int next;

  @Setup
  public void setUp() {
    load = new LoadFixture(athletes, 300, 120, 11);
    settings = load.guard.settings();
    stored = new byte[athletes][];
    for (int i = 0; i < athletes; i++) {
      stored[i] = load.states[i].encode();
    }
  }

  private int nextAthlete() {
    int i = next;
    next = (next + 1) % athletes;
    return i;
  }

  @Benchmark
  public AthleteState decode() {
    return AthleteState.decode(stored[nextAthlete()], settings);
  }

  @Benchmark
  public byte[] encode() {
    return load.states[nextAthlete()].encode();
  }

  @Benchmark
  public long deadlineOfEncoded() {
    return AthleteState.deadlineOf(stored[nextAthlete()]);
  }

  /** What {@code AthleteGuardProcessor.process} does per record, minus the store and forwarding. */
  @Benchmark
  public byte[] decodeApplyEncode() {
    int i = load.next();
    int a = load.athleteOf[i];
    AthleteState state = AthleteState.decode(stored[a], settings);
    GuardResult result = load.guard.on(state, load.signals[i]);
    byte[] encoded = result.state().encode();
    stored[a] = encoded;
    return encoded;
  }
}
