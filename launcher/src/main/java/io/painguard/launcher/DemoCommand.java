package io.painguard.launcher;

import io.painguard.contract.ContractTopics;
import io.painguard.runtime.PainGuardApp;
import io.painguard.runtime.config.AppConfig;
import io.painguard.simulator.TopicNames;
import io.painguard.simulator.kafka.KafkaRecordSink;
import io.painguard.simulator.kafka.ProducerSettings;
import io.painguard.simulator.scenario.RunOptions;
import io.painguard.simulator.scenario.Scenario;
import io.painguard.simulator.scenario.ScenarioCatalog;
import io.painguard.simulator.scenario.ScenarioRunner;
import io.painguard.simulator.scenario.TimeMode;
import io.painguard.stack.LocalStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./painguard demo}: everything in one JVM -- embedded broker and registry, the app with
 * its dashboard, the simulator playing the demo scenario in a loop, and alerts printed as they
 * appear. Ctrl-C closes the parts in reverse order of their start.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Runs PainGuard end to end on this machine, no Docker: a real Kafka broker and schema"
            + " registry, the streams app and its dashboard, and simulated athletes. Ctrl-C stops it all.")
final class DemoCommand implements Callable<Integer> {

  /** Event time runs this much faster than the clock, so the first alerts show within a minute. */
  static final double DEMO_SPEEDUP = 3.0;

  @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "N", description = "Kafka port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "N", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(names = "--http-port", defaultValue = "8080", paramLabel = "N", description = "Dashboard and API port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where Kafka and the app keep their data, kept after exit (default: a fresh temporary directory, deleted on exit).")
  Path dataDir;

  @Option(names = "--no-simulator", description = "Start no simulated athletes; feed the input topics yourself.")
  boolean noSimulator;

  private final PrintStream out;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  DemoCommand() {
    this(System.out);
  }

  /** For tests: the banner and alert lines go to {@code out}. */
  DemoCommand(PrintStream out) {
    this.out = out;
  }

  /** Stops a running demo as Ctrl-C would, without waiting for it. */
  void stop() {
    stopping.set(true);
    stopped.countDown();
  }

  @Override
  public Integer call() throws Exception {
    Thread hook = new Thread(this::requestStop, "painguard-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    LocalStack stack = null;
    PainGuardApp app = null;
    AlertPrinter printer = null;
    Thread simulator = null;
    try {
      stack = part("the local Kafka broker and schema registry", this::startStack);
      LocalStack started = stack;
      String token = newToken();
      app = part("the streams app", () -> startApp(started, token));
      printer = part("the alert printer", () -> new AlertPrinter(started.clientProperties(),
          started.schemaRegistryUrl(), ContractTopics.EXERTION_ALERTS, out));
      if (!noSimulator) {
        simulator = part("the simulator", () -> startSimulator(started));
      }
      if (stopping.get()) {
        return 0; // Ctrl-C while starting: say nothing about running.
      }
      printBanner(stack, app, token);
      stopped.await();
      String failure = simulatorFailure.get();
      if (failure != null) {
        throw new DemoPartFailed("The demo stopped: the simulator failed: " + failure);
      }
      return 0;
    } finally {
      out.println("Stopping PainGuard demo ...");
      stopping.set(true);
      if (simulator != null) {
        simulator.join(10_000);
      }
      closeQuietly(printer);
      closeQuietly(app);
      closeQuietly(stack);
      out.println("PainGuard demo stopped.");
      out.flush();
      finished.countDown();
      removeHook(hook);
    }
  }

  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicReference<String> simulatorFailure = new AtomicReference<>();

  /** What Ctrl-C does: wake the main thread, then hold the JVM until it has closed everything. */
  private void requestStop() {
    stop();
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A part of the demo that could not start, said in one sentence that names it. */
  static final class DemoPartFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoPartFailed(String sentence) {
      super(sentence);
    }
  }

  /** Starts one part; any failure becomes one sentence naming the part and the cause. */
  private <T> T part(String name, Callable<T> start) throws InterruptedException {
    try {
      return start.call();
    } catch (InterruptedException e) {
      throw e;
    } catch (DemoPartFailed e) {
      throw e;
    } catch (Exception e) {
      String cause = PainGuardCli.oneLine(e);
      throw new DemoPartFailed("The demo could not start " + name + ": " + cause
          + (cause.endsWith(".") ? "" : "."));
    }
  }

  private LocalStack startStack() {
    LocalStack.Builder builder =
        LocalStack.builder().kafkaPort(kafkaPort).registryPort(registryPort).shutdownHook(false);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    LocalStack stack = builder.build();
    try {
      return stack.start();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
  }

  private PainGuardApp startApp(LocalStack stack, String token) throws InterruptedException {
    PainGuardApp app = PainGuardApp.start(AppConfig.of(appSettings(stack, token)));
    if (!app.awaitRunning(Duration.ofSeconds(90))) {
      app.close();
      throw new IllegalStateException("it did not reach RUNNING within 90 s");
    }
    return app;
  }

  private static void closeQuietly(AutoCloseable part) {
    if (part == null) {
      return;
    }
    try {
      part.close();
    } catch (Exception e) {
      System.err.println("painguard demo: closing " + part.getClass().getSimpleName() + " failed: "
          + PainGuardCli.oneLine(e));
    }
  }

  private Map<String, String> appSettings(LocalStack stack, String token) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("kafka.bootstrap.servers", stack.bootstrapServers());
    settings.put("kafka.state.dir", stack.dataDir().resolve("streams").toString());
    settings.put("schema.registry.url", stack.schemaRegistryUrl());
    settings.put("painguard.http.port", Integer.toString(httpPort));
    settings.put("painguard.http.tokens", token + "=admin");
    return settings;
  }

  /**
   * Loads the scenario and connects the producer before returning, so a simulator that cannot
   * start stops the demo before it says "running"; a simulator that fails later stops it too.
   */
  private Thread startSimulator(LocalStack stack) {
    Scenario demo = ScenarioCatalog.shipped("demo");
    RunOptions options =
        RunOptions.of(demo).withTimeMode(TimeMode.COMPRESSED).withSpeedup(DEMO_SPEEDUP).withLoop(true);
    Map<String, Object> producer =
        ProducerSettings.producerConfig(stack.bootstrapServers(), Map.of());
    Map<String, Object> serde = ProducerSettings.serdeConfig(stack.schemaRegistryUrl(), Map.of());
    KafkaRecordSink sink = KafkaRecordSink.open(producer, serde, TopicNames.DEFAULT, 42);
    Thread thread =
        new Thread(
            () -> {
              try (sink) {
                new ScenarioRunner(sink).run(demo, options, stopping::get);
              } catch (RuntimeException e) {
                simulatorFailure.set(PainGuardCli.oneLine(e));
                stop();
              }
            },
            "demo-simulator");
    thread.start();
    return thread;
  }

  private void printBanner(LocalStack stack, PainGuardApp app, String token) {
    out.println();
    out.println("PainGuard demo is running.");
    out.println("  Dashboard:          http://localhost:" + app.httpPort() + "/?token=" + token);
    out.println("  API token (admin):  " + token);
    out.println("  Kafka bootstrap:    " + stack.bootstrapServers());
    out.println("  Schema registry:    " + stack.schemaRegistryUrl());
    out.println(noSimulator
        ? "  No simulator: produce to " + ContractTopics.ACTIVITY_EVENTS + ", "
            + ContractTopics.PAIN_REPORTS + " and " + ContractTopics.ATHLETE_PROFILES + "."
        : "  Simulated athletes: the 'demo' scenario, looping, event time x" + DEMO_SPEEDUP + ".");
    out.println("Alerts appear below as they are raised. Press Ctrl-C to stop.");
    out.println();
  }

  private static String newToken() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is what woke us; it is waiting on 'finished'.
    }
  }
}
