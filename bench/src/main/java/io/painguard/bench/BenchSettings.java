package io.painguard.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a bench run is parameterised by; written into the result so a figure can always be
 * traced to how it was obtained.
 *
 * @param athletes simulated athletes
 * @param records activity samples plus pain reports pre-loaded (profiles come on top)
 * @param partitions partitions of every topic
 * @param rate offered records per second in the latency phase
 * @param latencyDuration how long the latency phase sends
 * @param probeShare share of the latency phase's sends that are probe samples
 * @param seed seed of the simulated load
 * @param streamThreads Kafka Streams threads of the app, and threads of the copier
 * @param baselines baseline variants to run: "eos" (transactional copy) and/or "plain"
 * @param broker "in-process", "child" or "external"
 * @param bootstrap with broker=external: the brokers
 * @param registry with broker=external: the schema registry
 * @param clientOverrides extra client settings for every client (security)
 * @param tuning "recommended" or "defaults"
 * @param streamsOverrides Kafka Streams settings applied last
 * @param appJvmOptions JVM options of the app and the copier (same for both)
 * @param brokerJvmOptions JVM options of the broker with broker=child
 * @param warmupShare share of the records left out of the steady rates
 * @param outputDir where result.json and the logs go
 * @param jfr record a JFR profile of the app
 * @param keepTopics leave the run's topics on the cluster
 * @param quick the smoke profile: judges nothing
 * @param mode {@link #FULL}, {@link #ATHLETES_COMPARE} or {@link #SCALE_OUT}
 * @param repeats runs of every measured phase, alternating
 * @param comparedAthletes with {@link #ATHLETES_COMPARE}: the smaller and the larger population
 * @param scaleOut with {@link #SCALE_OUT}: what to measure
 */
public record BenchSettings(
    int athletes,
    long records,
    int partitions,
    double rate,
    Duration latencyDuration,
    double probeShare,
    long seed,
    int streamThreads,
    List<String> baselines,
    String broker,
    String bootstrap,
    String registry,
    Map<String, String> clientOverrides,
    String tuning,
    Map<String, String> streamsOverrides,
    List<String> appJvmOptions,
    List<String> brokerJvmOptions,
    double warmupShare,
    Path outputDir,
    boolean jfr,
    boolean keepTopics,
    boolean quick,
    String mode,
    int repeats,
    List<Integer> comparedAthletes,
    ScaleOutSettings scaleOut) {

  public static final String IN_PROCESS = "in-process";
  public static final String CHILD = "child";
  public static final String EXTERNAL = "external";
  public static final String EOS = "eos";
  public static final String PLAIN = "plain";
  public static final String FULL = "full";
  /** Unmeasured live traffic before the first latency window against a freshly caught-up app. */
  public static final long LATENCY_SETTLE_SECONDS = 10;
  public static final String ATHLETES_COMPARE = "athletes-compare";
  public static final String SCALE_OUT = "scale-out";

  /**
   * What {@code --scale-out} measures.
   *
   * @param instances instance counts to measure throughput and latency with, e.g. 1, 2, 3
   * @param standbys num.standby.replicas values to measure a joining instance with
   * @param takeoverTimeout how long a joining instance gets to take its share
   * @param lagBound the group's lag (records) under which the takeover counts as done
   */
  public record ScaleOutSettings(List<Integer> instances, List<Integer> standbys, Duration takeoverTimeout, long lagBound) {
    public ScaleOutSettings {
      instances = List.copyOf(instances);
      standbys = List.copyOf(standbys);
    }
  }

  public BenchSettings {
    baselines = List.copyOf(baselines);
    clientOverrides = Map.copyOf(clientOverrides);
    streamsOverrides = Map.copyOf(streamsOverrides);
    appJvmOptions = List.copyOf(appJvmOptions);
    brokerJvmOptions = List.copyOf(brokerJvmOptions);
    comparedAthletes = List.copyOf(comparedAthletes);
  }

  /** The name result.json gives this run's kind: the smoke test is "quick" whatever it runs. */
  public String modeName() {
    if (!quick) {
      return mode;
    }
    return mode.equals(FULL) ? "quick" : mode + "-quick";
  }

  /** Event time the latency phase's load will still consume, so the pre-load can leave room. */
  public long latencyEventSeconds() {
    long settleSeconds = LATENCY_SETTLE_SECONDS;
    long feedSeconds = latencyDuration.toSeconds() * repeats + settleSeconds;
    if (mode.equals(SCALE_OUT)) {
      feedSeconds = (latencyDuration.toSeconds() + settleSeconds) * scaleOut.instances().size()
          + 2 * scaleOut.takeoverTimeout().toSeconds() * scaleOut.instances().size() * scaleOut.standbys().size();
    }
    return (long) Math.ceil(rate * feedSeconds / athletes) + 300;
  }
}
