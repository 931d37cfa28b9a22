package io.painguard.bench;

import io.painguard.bench.result.BenchResult;
import io.painguard.bench.result.ResultJson;
import io.painguard.bench.result.ResultTable;
import io.painguard.bench.tuning.StreamsTuning;
import io.painguard.text.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./painguard bench}: the raw-Kafka baseline, the detection app with exactly-once and the
 * event-to-alert latency, in one run on the same pre-loaded data; or, with {@code --jmh}, the
 * microbenchmarks.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measures PainGuard against the cheapest possible Kafka program on the same data and the same broker.",
      "",
      "Pre-loads the input topics with simulated athletes, then, one at a time and each in a JVM of its own:",
      "  baseline  a consumer->producer loop copying the input records' bytes (exactly-once, and at-least-once);",
      "  painguard the detection topology with exactly_once_v2, from ready to lag 0 with its alerts committed;",
      "  latency   a fixed offered rate with tagged overexertion episodes: send -> alert readable (read_committed).",
      "Each measured phase runs --repeats times (default 3), baseline and app alternating; the table gives the",
      "median and range of each, and judges issue 18's targets on the medians.",
      "Prints a table and writes <output>/result.json. Runs on an embedded broker unless --bootstrap is given.",
      "",
      "  --quick                         a smoke test: tiny, run once, judges nothing.",
      "  --athletes-compare 1000,100000  the app on two populations with the same records, alternating.",
      "  --scale-out                     1, 2, 3 app instances; the time a joining one takes its share.",
      "",
      "  --jmh [-- JMH options]  runs the microbenchmarks instead (e.g. ./painguard bench --jmh -- -f 1 Guard)."
    })
public final class BenchCommand implements Callable<Integer> {

  static final int FAILED = 1;
  static final int BAD_OPTIONS = 2;

  @Option(names = "--athletes", paramLabel = "N", description = "Simulated athletes (default 10000; --quick 1000).")
  Integer athletes;

  @Option(names = "--events", paramLabel = "N",
      description = "Activity samples and pain reports to pre-load, profiles on top (default 3000000; --quick 150000).")
  Long events;

  @Option(names = "--rate", paramLabel = "N", description = "Offered records/s in the latency phase (default ${DEFAULT-VALUE}).",
      defaultValue = "5000")
  double rate;

  @Option(names = "--latency-duration", paramLabel = "DURATION",
      description = "How long the latency phase sends, e.g. 30s; 0 skips it (default 30s; --quick 10s).")
  String latencyDuration;

  @Option(names = "--probe-share", paramLabel = "SHARE", defaultValue = "0.1",
      description = "Share of the latency phase's records that are probe samples (default ${DEFAULT-VALUE}).")
  double probeShare;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Kafka Streams threads of the app, and copier threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
      description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of the simulated load (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--baseline", paramLabel = "eos|plain", split = ",",
      description = "Baseline copies to run: eos (transactional, like the app), plain (at-least-once), or none (default eos,plain; --quick eos).")
  List<String> baselines;

  @Option(names = "--broker", paramLabel = "child|in-process", defaultValue = BenchSettings.CHILD,
      description = "Where the embedded broker runs: its own JVM, or inside the bench's (default ${DEFAULT-VALUE}).")
  String broker;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Use this Kafka cluster instead of the embedded one.")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL", description = "Schema registry of the --bootstrap cluster.")
  String registry;

  @Option(names = "--kafka-property", paramLabel = "KEY=VALUE",
      description = "Client setting for every client, e.g. security.protocol=SASL_SSL (repeatable).")
  Map<String, String> clientOverrides = new LinkedHashMap<>();

  @Option(names = "--tuning", paramLabel = "app|kafka-defaults", defaultValue = StreamsTuning.APP,
      description = "The app's Kafka settings as shipped, or with its tuning put back to Kafka Streams' defaults (default ${DEFAULT-VALUE}).")
  String tuning;

  @Option(names = "--streams-property", paramLabel = "KEY=VALUE",
      description = "Kafka Streams setting for the app, applied last; producer./consumer. ones and commit.interval.ms also go to the copier (repeatable).")
  Map<String, String> streamsOverrides = new LinkedHashMap<>();

  @Option(names = "--jvm-options", paramLabel = "OPTIONS", defaultValue = "-Xmx512m",
      description = "JVM options of the app and copier JVMs, space-separated (default ${DEFAULT-VALUE}).")
  String jvmOptions;

  @Option(names = "--broker-jvm-options", paramLabel = "OPTIONS", defaultValue = "-Xmx1g",
      description = "JVM options of the broker JVM with --broker child (default ${DEFAULT-VALUE}).")
  String brokerJvmOptions;

  @Option(names = "--warmup-share", paramLabel = "SHARE", defaultValue = "0.2",
      description = "Share of the records left out of the steady rate (default ${DEFAULT-VALUE}).")
  double warmupShare;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Where result.json and the workers' logs go (default ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--jfr", description = "Record a JFR profile of the app to <output>/logs/painguard.jfr.")
  boolean jfr;

  @Option(names = "--keep-topics", description = "Leave the run's topics on an external cluster.")
  boolean keepTopics;

  @Option(names = "--quick",
      description = "Smoke test within about 60 s (1000 athletes, 150000 records, one run of each phase): checks the wiring, judges nothing.")
  boolean quick;

  @Option(names = "--repeats", paramLabel = "N",
      description = "Runs of every measured phase, alternating baseline and app (default 3; --quick 1).")
  Integer repeats;

  @Option(names = "--athletes-compare", paramLabel = "FEWER,MORE", split = ",",
      description = "Instead of the full bench: the app on two populations with the same records, alternating, e.g. 1000,100000 (default records 2000000).")
  List<Integer> athletesCompare;

  @Option(names = "--scale-out",
      description = "Instead of the full bench: 1, 2 and 3 app instances (one JVM each, same application id), and an instance joining with 0 and 1 standby.")
  boolean scaleOut;

  @Option(names = "--instances", paramLabel = "N,...", split = ",", defaultValue = "1,2,3",
      description = "With --scale-out: instance counts (default ${DEFAULT-VALUE}).")
  List<Integer> instances;

  @Option(names = "--standbys", paramLabel = "N,...", split = ",", defaultValue = "0,1",
      description = "With --scale-out: num.standby.replicas values to measure a joining instance with (default ${DEFAULT-VALUE}).")
  List<Integer> standbys;

  @Option(names = "--takeover-timeout", paramLabel = "DURATION", defaultValue = "150s",
      description = "With --scale-out: how long a joining instance gets to take its share (default ${DEFAULT-VALUE}).")
  String takeoverTimeout;

  @Option(names = "--lag-bound", paramLabel = "N",
      description = "With --scale-out: the group's lag in records under which a takeover is done (default: 1 s of --rate).")
  Long lagBound;

  @Option(names = "--jmh", description = "Run the JMH microbenchmarks; arguments after -- go to JMH.")
  boolean jmh;

  @Parameters(paramLabel = "JMH-ARGS", arity = "0..*", hidden = true)
  List<String> jmhArgs = new ArrayList<>();

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchCommand()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (jmh) {
      return runJmh(err);
    }
    BenchSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("bench: " + e.getMessage());
      err.flush();
      return BAD_OPTIONS;
    }
    BenchResult result;
    try {
      long started = System.nanoTime();
      java.util.function.Consumer<String> log = line -> {
        err.printf("bench: [%5.1f s] %s%n", (System.nanoTime() - started) / 1e9, line);
        err.flush();
      };
      result = switch (settings.mode()) {
        case BenchSettings.ATHLETES_COMPARE -> new AthletesCompareRun(settings, log).run();
        case BenchSettings.SCALE_OUT -> new ScaleOutRun(settings, log).run();
        default -> new BenchRun(settings, log).run();
      };
    } catch (RuntimeException e) {
      err.println("bench: failed: " + e.getMessage());
      err.flush();
      return FAILED;
    }
    Path file = settings.outputDir().resolve("result.json");
    ResultJson.write(result, file);
    out.println();
    out.print(ResultTable.render(result));
    out.println();
    out.println("result: " + file.toAbsolutePath());
    out.flush();
    return 0;
  }

  BenchSettings settings() {
    require(athletesCompare == null || !scaleOut, "--athletes-compare and --scale-out are separate runs; give one.");
    String mode = athletesCompare != null ? BenchSettings.ATHLETES_COMPARE : scaleOut ? BenchSettings.SCALE_OUT : BenchSettings.FULL;
    boolean full = mode.equals(BenchSettings.FULL);
    int n = athletes != null ? athletes : quick ? 1_000 : 10_000;
    long defaultRecords = mode.equals(BenchSettings.FULL) ? 3_000_000 : 2_000_000;
    long records = events != null ? events : quick ? 150_000 : defaultRecords;
    Duration defaultLatency = Duration.ofSeconds(quick ? 10 : full ? 30 : mode.equals(BenchSettings.SCALE_OUT) ? 20 : 0);
    Duration latency = latencyDuration != null ? parseDuration(latencyDuration, "--latency-duration") : defaultLatency;
    List<String> variants = baselines != null ? baselines : !full ? List.of() : quick ? List.of(BenchSettings.EOS)
        : List.of(BenchSettings.EOS, BenchSettings.PLAIN);
    int runs = repeats != null ? repeats : quick ? 1 : 3;
    List<Integer> compared = List.of();
    if (athletesCompare != null) {
      require(athletesCompare.size() == 2 && athletesCompare.get(0) >= 1 && athletesCompare.get(0) < athletesCompare.get(1),
          "--athletes-compare takes two populations, the smaller first, e.g. 1000,100000.");
      require(athletes == null, "--athletes-compare names its own populations; leave out --athletes.");
      compared = List.copyOf(athletesCompare);
      n = athletesCompare.get(1);
    }
    require(n >= 1 && n <= 10_000_000, "--athletes must be between 1 and 10000000, got " + n + ".");
    require(records >= n, "--events must be at least the number of athletes (" + n + "), got " + records + ".");
    require(rate > 0, "--rate must be positive, got " + rate + ".");
    require(probeShare > 0 && probeShare < 1, "--probe-share must be between 0 and 1, got " + probeShare + ".");
    require(threads >= 1 && threads <= 64, "--threads must be between 1 and 64, got " + threads + ".");
    require(partitions >= 1 && partitions <= 1000, "--partitions must be between 1 and 1000, got " + partitions + ".");
    require(warmupShare >= 0 && warmupShare < 0.9, "--warmup-share must be from 0 to 0.9, got " + warmupShare + ".");
    require(runs >= 1 && runs <= 20, "--repeats must be between 1 and 20, got " + runs + ".");
    if (variants.equals(List.of("none"))) {
      variants = List.of();
    }
    for (String v : variants) {
      require(v.equals(BenchSettings.EOS) || v.equals(BenchSettings.PLAIN),
          "--baseline takes eos and/or plain, got '" + v + "'.");
    }
    require(full || variants.isEmpty(), "--baseline belongs to the full bench; --athletes-compare and --scale-out run the app only.");
    require((bootstrap == null) == (registry == null), "--bootstrap and --registry go together.");
    require(broker.equals(BenchSettings.CHILD) || broker.equals(BenchSettings.IN_PROCESS),
        "--broker must be child or in-process, got '" + broker + "'.");
    require(!scaleOut || instances.stream().allMatch(i -> i >= 1 && i <= partitions) && instances.equals(instances.stream().sorted().distinct().toList()),
        "--instances takes rising counts from 1 to the partitions (" + partitions + "), e.g. 1,2,3.");
    require(standbys.stream().allMatch(s -> s >= 0 && s <= 2), "--standbys takes values from 0 to 2, e.g. 0,1.");
    StreamsTuning.app(tuning); // validates the name
    long bound = lagBound != null ? lagBound : Math.max(1, Math.round(rate));
    require(bound >= 1, "--lag-bound must be at least 1 record, got " + bound + ".");
    BenchSettings.ScaleOutSettings scale = new BenchSettings.ScaleOutSettings(
        instances, standbys, parseDuration(takeoverTimeout, "--takeover-timeout"), bound);
    return new BenchSettings(
        n, records, partitions, rate, latency, probeShare, seed, threads, variants,
        bootstrap != null ? BenchSettings.EXTERNAL : broker, bootstrap, registry, clientOverrides,
        tuning, streamsOverrides, split(jvmOptions), split(brokerJvmOptions), warmupShare, output,
        jfr, keepTopics, quick, mode, runs, compared, scale);
  }

  private int runJmh(PrintWriter err) {
    try {
      new Runner(new CommandLineOptions(jmhArgs.toArray(String[]::new))).run();
      return 0;
    } catch (Exception e) {
      err.println("bench: JMH failed: " + e.getMessage());
      err.flush();
      return FAILED;
    }
  }

  private static Duration parseDuration(String text, String option) {
    if (text.trim().equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + " must be a duration such as 30s or 2m, got '" + text + "'.");
    }
  }

  private static List<String> split(String options) {
    return options == null || options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
  }

  private static void require(boolean ok, String sentence) {
    if (!ok) {
      throw new IllegalArgumentException(sentence);
    }
  }
}
