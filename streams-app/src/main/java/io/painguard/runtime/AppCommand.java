package io.painguard.runtime;

import io.painguard.redaction.Redaction;
import io.painguard.runtime.config.AppConfig;
import io.painguard.runtime.config.ConfigException;
import io.painguard.runtime.config.EnvironmentKeys;
import io.painguard.runtime.config.RuntimeSettings;
import io.painguard.runtime.config.SettingSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./painguard app} and {@code java -jar painguard-streams-app.jar}: the streams app alone,
 * against the Kafka cluster and schema registry its configuration names.
 *
 * <p>Settings come from, each layer overriding the one before: built-in defaults, the properties
 * file ({@code --config} or {@code PAINGUARD_CONFIG}), {@code PAINGUARD_*} environment variables,
 * {@code --set key=value}, and the named flags.
 */
@Command(
    name = "app",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the PainGuard streams app: detection, HTTP API and coach dashboard.",
      "Alerts are coaching guidance, not a diagnosis."
    },
    footer = {
      "",
      "Settings: kafka.* (any Kafka client or Streams property), schema.registry.*,",
      "basic.auth.* and painguard.* (see the README). Environment variables map",
      "onto them: PAINGUARD_KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers,",
      "PAINGUARD_HTTP_TOKENS sets painguard.http.tokens, and",
      "PAINGUARD_LOG_FORMAT=json writes the log as one JSON object per line.",
      "Exit status: 0 after Ctrl-C or SIGTERM, 1 when Kafka Streams fails,",
      "2 when the configuration or environment is refused."
    },
    versionProvider = AppCommand.Version.class)
public final class AppCommand implements Callable<Integer> {

  static final int EXIT_FAILED = 1;
  static final int EXIT_REFUSED = 2;
  private static final Logger LOG = LoggerFactory.getLogger(AppCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file (default: $PAINGUARD_CONFIG).")
  Path configFile;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,...]", description = "Kafka brokers (kafka.bootstrap.servers).")
  String bootstrap;

  @Option(names = "--registry", paramLabel = "URL", description = "Schema registry URL (schema.registry.url).")
  String registry;

  @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP API and dashboard port, 0 for any (painguard.http.port).")
  Integer httpPort;

  @Option(names = "--state-dir", paramLabel = "DIR", description = "Kafka Streams state directory (kafka.state.dir).")
  Path stateDir;

  @Option(
      names = "--application-server",
      paramLabel = "HOST:PORT",
      description = "Where other instances reach this one's HTTP API (kafka.application.server; default: this host and the HTTP port).")
  String applicationServer;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting; repeatable.")
  Map<String, String> settings = new LinkedHashMap<>();

  private boolean jsonLogs;

  /** Runs the app until Ctrl-C or SIGTERM. */
  @Override
  public Integer call() {
    PainGuardApp app;
    try {
      AppConfig config = config(System.getenv());
      jsonLogs = LogOutput.use(RuntimeSettings.from(config).logFormat());
      app = PainGuardApp.start(config);
    } catch (ConfigException | StartupException e) {
      tell(Redaction.text(e.getMessage())); // it may quote a setting
      return EXIT_REFUSED;
    }
    Thread hook = new Thread(app::close, "painguard-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      boolean failed = app.awaitStop();
      if (failed) {
        tell("Kafka Streams failed and cannot recover; see the log above.");
        app.close();
        return EXIT_FAILED;
      }
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      app.close();
      return 0;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down and runs the hook itself
      }
    }
  }

  /**
   * The one sentence that ends a run: on stderr, or, once logs are JSON, as an ERROR line of the
   * log, so that a log collector reading JSON finds why the app stopped.
   */
  private void tell(String sentence) {
    if (jsonLogs) {
      LOG.error(sentence);
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("painguard app: " + sentence);
      err.flush();
    }
  }

  /** The merged configuration for this command line and environment. */
  AppConfig config(Map<String, String> environment) {
    Map<String, String> file = Map.of();
    Path path = configFile;
    if (path == null) {
      String fromEnv = environment.get("PAINGUARD_CONFIG");
      if (fromEnv != null && !fromEnv.isBlank()) {
        path = Path.of(fromEnv.trim());
      }
    }
    if (path != null) {
      file = SettingSources.fromFile(path);
    }
    Map<String, String> env =
        EnvironmentKeys.resolve(SettingSources.fromEnvironment(environment), KnownSettings.painguardKeys());
    Map<String, String> flags = new LinkedHashMap<>();
    settings.forEach((key, value) -> flags.put(key.trim(), value == null ? "" : value.trim()));
    putIf(flags, "kafka.bootstrap.servers", bootstrap);
    putIf(flags, "schema.registry.url", registry);
    putIf(flags, "painguard.http.port", httpPort == null ? null : httpPort.toString());
    putIf(flags, "kafka.state.dir", stateDir == null ? null : stateDir.toString());
    putIf(flags, "kafka.application.server", applicationServer);
    return AppConfig.of(file, env, flags);
  }

  private static void putIf(Map<String, String> flags, String key, String value) {
    if (value != null) {
      flags.put(key, value);
    }
  }

  /** The build's version from the jar manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AppCommand.class.getPackage().getImplementationVersion();
      return new String[] {"PainGuard streams app " + (v == null ? "(development build)" : v)};
    }
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new AppCommand()).execute(args));
  }
}
