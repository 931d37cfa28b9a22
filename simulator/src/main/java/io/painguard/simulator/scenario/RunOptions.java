package io.painguard.simulator.scenario;

/**
 * How to deliver a scenario; the scenario file gives the defaults, the command line may override.
 *
 * @param timeMode realtime, compressed or asFastAsPossible
 * @param speedup compressed mode: event-time seconds per wall-clock second
 * @param start event time of the first pass's offset 0
 * @param loop repeat the scenario until stopped
 * @param maxPasses stop after this many passes even when looping (0 = no limit)
 */
public record RunOptions(TimeMode timeMode, double speedup, StartTime start, boolean loop, int maxPasses) {

  public RunOptions {
    if (!(speedup > 0)) {
      throw new IllegalArgumentException("speedup must be positive, was " + speedup);
    }
    if (maxPasses < 0) {
      throw new IllegalArgumentException("maxPasses must not be negative");
    }
  }

  /** The scenario's own settings. */
  public static RunOptions of(Scenario scenario) {
    return new RunOptions(scenario.timeMode(), scenario.speedup(), scenario.start(), scenario.loop(), 0);
  }

  public RunOptions withTimeMode(TimeMode mode) {
    return new RunOptions(mode, speedup, start, loop, maxPasses);
  }

  public RunOptions withSpeedup(double value) {
    return new RunOptions(timeMode, value, start, loop, maxPasses);
  }

  public RunOptions withStart(StartTime value) {
    return new RunOptions(timeMode, speedup, value, loop, maxPasses);
  }

  public RunOptions withLoop(boolean value) {
    return new RunOptions(timeMode, speedup, start, value, maxPasses);
  }

  public RunOptions withMaxPasses(int value) {
    return new RunOptions(timeMode, speedup, start, loop, value);
  }

  /** Wall-clock nanoseconds per millisecond of event time (0 when not pacing). */
  double wallNanosPerEventMilli() {
    return switch (timeMode) {
      case REALTIME -> 1_000_000.0;
      case COMPRESSED -> 1_000_000.0 / speedup;
      case AS_FAST_AS_POSSIBLE -> 0.0;
    };
  }
}
