package io.painguard.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * A scripted scenario as written in a YAML file (see simulator/SCENARIOS.md). Absent optional
 * values are replaced by their defaults here; {@link ScenarioValidator} checks the rest.
 *
 * @param name the scenario's name (default: the file name without extension)
 * @param description one or two sentences on what it shows
 * @param timeMode realtime, compressed (default) or asFastAsPossible
 * @param speedup compressed mode: event-time seconds per wall-clock second (default 10)
 * @param start event time of offset 0 (default now)
 * @param loop whether the scenario repeats until stopped (default false)
 * @param seed seed of the sensor noise (default 1)
 * @param athletes the athletes and their timelines
 * @param expect what the detection is expected to make of it (documentation, and for tests)
 */
public record Scenario(
    String name,
    String description,
    TimeMode timeMode,
    Double speedup,
    StartTime start,
    Boolean loop,
    Long seed,
    List<AthleteScript> athletes,
    List<Expectation> expect) {

  public static final double DEFAULT_SPEEDUP = 10.0;

  public Scenario {
    description = description == null ? "" : description;
    timeMode = timeMode == null ? TimeMode.COMPRESSED : timeMode;
    speedup = speedup == null ? DEFAULT_SPEEDUP : speedup;
    start = start == null ? StartTime.NOW : start;
    loop = loop != null && loop;
    seed = seed == null ? 1L : seed;
    athletes = athletes == null ? List.of() : List.copyOf(athletes);
    expect = expect == null ? List.of() : List.copyOf(expect);
  }

  /** The same scenario under another name (used when the file does not name itself). */
  public Scenario withName(String newName) {
    return new Scenario(newName, description, timeMode, speedup, start, loop, seed, athletes, expect);
  }

  /** The same scenario with another noise seed (the command line's --seed). */
  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, timeMode, speedup, start, loop, newSeed, athletes, expect);
  }

  /** Event time from the start to the last scripted item of any athlete. */
  public Duration eventSpan() {
    Duration span = Duration.ZERO;
    for (AthleteScript athlete : athletes) {
      Duration end = athlete.lastEventOffset();
      if (end.compareTo(span) > 0) {
        span = end;
      }
    }
    return span;
  }
}
