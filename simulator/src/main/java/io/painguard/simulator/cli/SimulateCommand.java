package io.painguard.simulator.cli;

import io.painguard.redaction.KnownSecrets;
import io.painguard.redaction.Redaction;
import io.painguard.simulator.ConfigurationException;
import io.painguard.simulator.RecordSink;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.kafka.Preflight;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.load.LoadGenerator;
import io.painguard.simulator.load.LoadLimits;
import io.painguard.simulator.load.LoadReport;
import io.painguard.simulator.load.LoadRunner;
import io.painguard.simulator.load.LoadSettings;
import io.painguard.text.Durations;
import io.painguard.simulator.scenario.RunOptions;
import io.painguard.simulator.scenario.Scenario;
import io.painguard.simulator.scenario.ScenarioCatalog;
import io.painguard.simulator.scenario.ScenarioException;
import io.painguard.simulator.scenario.ScenarioReport;
import io.painguard.simulator.scenario.ScenarioRunner;
import io.painguard.simulator.scenario.StartTime;
import io.painguard.simulator.scenario.TimeMode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code ./painguard simulate}: scripted scenarios ({@code --scenario}) or load ({@code
 * --athletes}/{@code --rate}) against a Kafka broker and schema registry.
 *
 * <p>Exit codes: 0 all records acknowledged; 1 some sends failed (the summary says how many and
 * why); 2 a configuration error (one line on stderr, no stack trace).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    version = "painguard simulate 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Feeds PainGuard's input topics the way wearables, gym equipment and the companion app would.",
      "With --scenario it plays a scripted scenario (see simulator/SCENARIOS.md); otherwise it"
          + " generates load from --athletes simulated athletes.",
      ""
    },
    footer = {
      "",
      "Examples:",
      "  simulate --list-scenarios",
      "  simulate --scenario demo --time-mode realtime --loop",
      "  simulate --scenario my-scenario.yaml --time-mode asFastAsPossible",
      "  simulate --athletes 1000 --rate 5000 --duration 30s",
      "  simulate --athletes 100000 --rate max --events 5000000 --seed 7",
      "",
      "Exit status: 0 everything acknowledged, 1 some sends failed, 2 configuration error."
    })
public final class SimulateCommand implements Callable<Integer> {

  public static final int EXIT_OK = 0;
  public static final int EXIT_SEND_FAILURES = 1;
  public static final int EXIT_CONFIG = 2;

  /** Options that only mean something without --scenario, and only with it. */
  private static final List<String> LOAD_ONLY = List.of(
      "--athletes", "--rate", "--duration", "--events", "--pain-share", "--overexert-share", "--comply-probability");

  private static final List<String> SCENARIO_ONLY = List.of("--time-mode", "--speedup", "--loop");

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "localhost:9092",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL", defaultValue = "http://localhost:8081",
      description = "Schema registry URL (default: ${DEFAULT-VALUE}); mock://SCOPE for an in-memory one.")
  String registry;

  @Option(names = "--scenario", paramLabel = "NAME|FILE",
      description = "Play a scenario: the name of a shipped one (see --list-scenarios) or a YAML file.")
  String scenario;

  @Option(names = "--list-scenarios", description = "List the shipped scenarios and exit.")
  boolean listScenarios;

  @Option(names = "--time-mode", paramLabel = "MODE", converter = Converters.TimeModeConverter.class,
      description = "Scenario pacing: realtime, compressed (event time runs --speedup times faster)"
          + " or asFastAsPossible. Default: the scenario's own.")
  TimeMode timeMode;

  @Option(names = "--speedup", paramLabel = "N",
      description = "Compressed mode: event-time seconds per wall-clock second. Default: the scenario's own.")
  Double speedup;

  @Option(names = "--loop", description = "Repeat the scenario until stopped (Ctrl-C); event time continues.")
  boolean loop;

  @Option(names = "--athletes", paramLabel = "N", defaultValue = "1000",
      description = "Load mode: number of simulated athletes, each sending one sample per second of"
          + " event time (default: ${DEFAULT-VALUE}; 100,000 is fine).")
  int athletes;

  @Option(names = "--rate", paramLabel = "N|max", converter = Converters.RateConverter.class,
      description = "Load mode: target records per second across all athletes, or 'max' for as fast as"
          + " possible. Default: one per athlete per second (real time).")
  Double rate;

  @Option(names = "--duration", paramLabel = "TIME", converter = Converters.DurationConverter.class,
      description = "Load mode: stop after this long, e.g. 30s, 5m, 1h.")
  Duration duration;

  @Option(names = "--events", paramLabel = "N",
      description = "Load mode: stop after this many records. With neither --duration nor --events,"
          + " load runs until Ctrl-C.")
  Long events;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "Seed of every random choice; the same seed gives the same records (default: ${DEFAULT-VALUE})."
          + " With --scenario it replaces the scenario's own sensor-noise seed.")
  long seed;

  @Option(names = "--start", paramLabel = "TIME", converter = Converters.StartConverter.class,
      description = "Event time of the start: 'now', 'now-25h', 'now+5m' or an ISO-8601 instant"
          + " (2025-03-01T08:00:00Z). Default: the scenario's own, or now for load.")
  StartTime start;

  @Option(names = "--pain-share", paramLabel = "0..1", defaultValue = "" + LoadSettings.DEFAULT_PAIN_SHARE,
      description = "Load mode: share of athletes with a back-pain episode (default: ${DEFAULT-VALUE}).")
  double painShare;

  @Option(names = "--overexert-share", paramLabel = "0..1", defaultValue = "" + LoadSettings.DEFAULT_OVEREXERT_SHARE,
      description = "Load mode: share of athletes in pain who train harder than their pain allows"
          + " (default: ${DEFAULT-VALUE}).")
  double overexertShare;

  @Option(names = "--comply-probability", paramLabel = "0..1",
      defaultValue = "" + LoadSettings.DEFAULT_COMPLY_PROBABILITY,
      description = "Load mode: chance an overexerting athlete backs off after ~2 min above their"
          + " ceiling, as if alerted (default: ${DEFAULT-VALUE}).")
  double complyProbability;

  @Option(names = "--activity-topic", paramLabel = "TOPIC", defaultValue = "activity-events",
      description = "Topic for activity samples (default: ${DEFAULT-VALUE}).")
  String activityTopic;

  @Option(names = "--pain-topic", paramLabel = "TOPIC", defaultValue = "pain-reports",
      description = "Topic for pain reports (default: ${DEFAULT-VALUE}).")
  String painTopic;

  @Option(names = "--profile-topic", paramLabel = "TOPIC", defaultValue = "athlete-profiles",
      description = "Topic for athlete profiles (default: ${DEFAULT-VALUE}).")
  String profileTopic;

  @Option(names = {"--producer-property", "-P"}, paramLabel = "KEY=VALUE",
      description = "Extra producer or serde setting, repeatable, e.g. -P security.protocol=SASL_SSL"
          + " -P sasl.mechanism=PLAIN -P basic.auth.user.info=user:secret.")
  Map<String, String> producerProperties = new LinkedHashMap<>();

  @Option(names = "--check-timeout", paramLabel = "TIME", defaultValue = "5s",
      converter = Converters.DurationConverter.class,
      description = "How long to wait for the broker and registry to answer before giving up (default: ${DEFAULT-VALUE}).")
  Duration checkTimeout;

  @Option(names = "--dry-run",
      description = "Generate everything but send nothing (no Kafka needed): checks a scenario file, or"
          + " measures how fast load can be generated.")
  boolean dryRun;

  @Spec
  CommandSpec spec;

  private PrintStream out = System.out;
  private final AtomicBoolean stopRequested = new AtomicBoolean();

  /** A command line with the simulator's error handling, printing to the given streams. */
  public static CommandLine newCommandLine(PrintStream out, PrintStream err) {
    SimulateCommand command = new SimulateCommand();
    command.out = out;
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((ex, args) -> {
      err.println("simulate: " + Redaction.text(ex.getMessage()) + " (see --help)"); // may quote a value
      return EXIT_CONFIG;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("simulate: " + Redaction.text(messageOf(ex)));
      return EXIT_CONFIG;
    });
    return cli;
  }

  /** Runs the command and returns its exit code (for tests and launchers that must not exit). */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    return newCommandLine(out, err).execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(System.out, System.err, args));
  }

  /** Asks a running simulation to stop, flush and report (what Ctrl-C does). */
  public void requestStop() {
    stopRequested.set(true);
  }

  @Override
  public Integer call() {
    // Before anything can print them: a refusal, a Kafka or registry error, a log line.
    KnownSecrets.rememberSettings(producerProperties);
    KnownSecrets.rememberUrl(registry);
    if (listScenarios) {
      return listScenarios();
    }
    checkModeOptions();
    TopicNames topics = new TopicNames(activityTopic, painTopic, profileTopic);
    Scenario chosen = scenario == null ? null : ScenarioCatalog.resolve(scenario);
    if (chosen != null && given("--seed")) {
      chosen = chosen.withSeed(seed);
    }
    LoadSettings loadSettings = chosen == null ? loadSettings() : null;
    LoadLimits loadLimits = chosen == null ? loadLimits() : null;
    Map<String, Object> producerConfig = ProducerSettings.producerConfig(bootstrap, producerProperties);
    Map<String, Object> serdeConfig = ProducerSettings.serdeConfig(registry, producerProperties);

    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stopRequested.set(true);
      try {
        finished.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (SinkHandle sink = openSink(producerConfig, serdeConfig, topics)) {
      boolean failures = chosen != null
          ? runScenario(chosen, sink.sink())
          : runLoad(loadSettings, loadLimits, sink.sink());
      return failures ? EXIT_SEND_FAILURES : EXIT_OK;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running: it is waiting for us, and we are done.
      }
    }
  }

  /** Rejects options of the other mode, which would otherwise be silently ignored. */
  private void checkModeOptions() {
    List<String> misplaced = (scenario != null ? LOAD_ONLY : SCENARIO_ONLY).stream().filter(this::given).toList();
    if (!misplaced.isEmpty()) {
      throw new ConfigurationException(String.join(", ", misplaced)
          + (scenario != null ? " only appl" + (misplaced.size() == 1 ? "ies" : "y") + " to load mode, not to --scenario."
              : " only appl" + (misplaced.size() == 1 ? "ies" : "y") + " to --scenario."));
    }
  }

  private boolean given(String option) {
    return spec != null && spec.commandLine().getParseResult() != null
        && spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private int listScenarios() {
    for (String name : ScenarioCatalog.names()) {
      Scenario s = ScenarioCatalog.shipped(name);
      out.printf("%-24s %s%n", name, s.description().replaceAll("\\s+", " ").trim());
    }
    return EXIT_OK;
  }

  private boolean runScenario(Scenario s, RecordSink sink) {
    RunOptions options = RunOptions.of(s);
    if (timeMode != null) {
      options = options.withTimeMode(timeMode);
    }
    if (speedup != null) {
      if (!(speedup > 0)) {
        throw new ConfigurationException("--speedup must be a positive number.");
      }
      options = options.withSpeedup(speedup);
    }
    if (start != null) {
      options = options.withStart(start);
    }
    if (loop) {
      options = options.withLoop(true);
    }
    out.printf("simulate: scenario %s, %d athlete(s), %s%s, start %s%s%n",
        s.name(), s.athletes().size(), options.timeMode(),
        options.timeMode() == TimeMode.COMPRESSED ? " x" + options.speedup() : "",
        options.start(), options.loop() ? ", looping until Ctrl-C" : "");
    ScenarioReport report = new ScenarioRunner(sink)
        .withClock(Clock.systemUTC())
        .withProgress(out::println, Duration.ofSeconds(5))
        .run(s, options, stopRequested::get);
    out.println(report.summary());
    return report.failed() > 0;
  }

  private boolean runLoad(LoadSettings settings, LoadLimits limits, RecordSink sink) {
    LoadGenerator generator = new LoadGenerator(settings);
    LoadRunner runner = new LoadRunner(generator, sink).withProgress(p -> out.println(p.line()), Duration.ofSeconds(2));
    out.printf("simulate: load, %,d athletes, %s, %s, seed %d, event time from %s%n",
        settings.athletes(),
        limits.ratePerSecond() > 0 ? String.format("%,.0f records/s", limits.ratePerSecond()) : "as fast as possible",
        limits.unbounded() ? "until Ctrl-C"
            : (limits.duration() != null ? "for " + Durations.formatCompound(limits.duration()) : "")
                + (limits.duration() != null && limits.maxEvents() > 0 ? " or " : "")
                + (limits.maxEvents() > 0 ? String.format("%,d records", limits.maxEvents()) : ""),
        settings.seed(), settings.start());
    long profiles = runner.sendProfiles();
    out.printf("simulate: sent %,d athlete profiles%n", profiles);
    LoadReport report = runner.run(limits, stopRequested::get);
    out.println(report.summary());
    return report.failed() > 0;
  }

  private LoadSettings loadSettings() {
    try {
      Instant startAt = (start == null ? StartTime.NOW : start).resolve(Clock.systemUTC().instant())
          .truncatedTo(ChronoUnit.MILLIS);
      return new LoadSettings(athletes, seed, startAt,
          painShare, overexertShare, complyProbability, LoadSettings.DEFAULT_PROFILE_SHARE);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(optionStyle(e.getMessage()) + ".");
    }
  }

  private LoadLimits loadLimits() {
    double r = rate != null ? rate : athletes;
    try {
      return new LoadLimits(r, duration, events == null ? 0 : events);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(optionStyle(e.getMessage()) + ".");
    }
  }

  /** Opens the Kafka sink after the preflight checks, or the counting sink for --dry-run. */
  private SinkHandle openSink(Map<String, Object> producerConfig, Map<String, Object> serdeConfig, TopicNames topics) {
    if (dryRun) {
      return new SinkHandle(new CountingSink(), null);
    }
    Preflight.checkBroker(producerConfig, topics, checkTimeout, line -> out.println("simulate: " + line));
    Preflight.checkRegistry(serdeConfig, topics, checkTimeout);
    try {
      KafkaRecordSink sink = KafkaRecordSink.open(producerConfig, serdeConfig, topics, seed);
      return new SinkHandle(sink, sink);
    } catch (KafkaException | IllegalArgumentException e) {
      throw new ConfigurationException("Cannot create the Kafka producer: " + messageOf(e), e);
    }
  }

  /** The sink and, for Kafka, what to close. */
  private record SinkHandle(RecordSink sink, AutoCloseable closeable) implements AutoCloseable {
    @Override
    public void close() {
      if (closeable != null) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new IllegalStateException("closing the producer failed: " + e.getMessage(), e);
        }
      }
    }
  }

  private static String optionStyle(String message) {
    return message
        .replace("athletes must", "--athletes must")
        .replace("painShare", "--pain-share")
        .replace("overexertShare", "--overexert-share")
        .replace("complyProbability", "--comply-probability")
        .replace("rate must", "--rate must")
        .replace("duration must", "--duration must")
        .replace("events must", "--events must");
  }

  /** One line for the user: our own exceptions speak for themselves; others get their class. */
  static String messageOf(Throwable ex) {
    if (ex instanceof ConfigurationException || ex instanceof ScenarioException) {
      return ex.getMessage();
    }
    Throwable t = ex;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
