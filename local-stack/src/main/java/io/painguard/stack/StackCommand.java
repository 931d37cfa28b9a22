package io.painguard.stack;

import io.painguard.redaction.Redaction;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./painguard stack}: the embedded Kafka broker and schema registry with the contract's
 * topics and schemas, running until Ctrl-C.
 */
@Command(
    name = "stack",
    mixinStandardHelpOptions = true,
    description =
        "Runs a real Kafka broker (KRaft) and a Confluent-compatible schema registry on 127.0.0.1, "
            + "with PainGuard's topics created and schemas registered, until Ctrl-C.")
public final class StackCommand implements Callable<Integer> {

  /** Exit code when the stack cannot start (a busy port, an unusable data directory). */
  public static final int START_FAILED = 1;

  /**
   * Environment variable holding {@code user:password}: the registry then asks for HTTP basic auth
   * on every write (reads stay open). An environment variable, not an option, so the password does
   * not show in the process list.
   */
  public static final String REGISTRY_USER_INFO_ENV = "PAINGUARD_STACK_REGISTRY_USER_INFO";

  /** The process environment; tests substitute their own. */
  Map<String, String> environment = System.getenv();

  @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "N", description = "Kafka port (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(names = "--registry-port", defaultValue = "8081", paramLabel = "N", description = "Schema registry port (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where Kafka keeps its data, kept after exit (default: a fresh temporary directory, deleted on exit).")
  Path dataDir;

  @Option(names = "--partitions", defaultValue = "6", paramLabel = "N", description = "Partitions of each topic created (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StackCommand()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = checkOptions();
    if (problem != null) {
      err.println(problem);
      err.flush();
      return START_FAILED;
    }
    LocalStack stack;
    try {
      LocalStack.Builder builder =
          LocalStack.builder().kafkaPort(kafkaPort).registryPort(registryPort).partitions(partitions);
      if (dataDir != null) {
        builder.dataDir(dataDir);
      }
      String userInfo = registryUserInfo();
      if (userInfo != null) {
        int colon = userInfo.indexOf(':');
        builder.registryCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
      }
      stack = builder.build();
    } catch (RuntimeException e) {
      err.println("Could not prepare the local stack: " + Redaction.text(e.getMessage()));
      err.flush();
      return START_FAILED;
    }
    try {
      stack.start();
    } catch (RuntimeException e) {
      stack.close();
      err.println("Could not start the local stack: " + Redaction.text(e.getMessage()));
      err.flush();
      return START_FAILED;
    }
    // LocalStack's own hook would close it too; this one also says so and releases main().
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stack.close();
                  out.println("Local stack stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "painguard-stack-command-shutdown"));
    out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
    out.println("Schema registry URL:     " + stack.schemaRegistryUrl()
        + (registryUserInfo() == null ? "" : "  (basic auth for writes, as " + REGISTRY_USER_INFO_ENV + " says)"));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await(); // Only the shutdown hook counts down; the JVM exits when the hooks are done.
    return 0;
  }

  /** One sentence about the first option that cannot work, or null. */
  private String checkOptions() {
    if (!validPort(kafkaPort)) {
      return "--kafka-port must be between 1 and 65535, not " + kafkaPort + ".";
    }
    if (!validPort(registryPort)) {
      return "--registry-port must be between 1 and 65535, not " + registryPort + ".";
    }
    if (kafkaPort == registryPort) {
      return "--kafka-port and --registry-port must differ (both are " + kafkaPort + ").";
    }
    if (partitions < 1) {
      return "--partitions must be at least 1, not " + partitions + ".";
    }
    String userInfo = registryUserInfo();
    if (userInfo != null && (userInfo.indexOf(':') < 1 || userInfo.endsWith(":"))) {
      // Never echo the value: it is a password, even when malformed.
      return REGISTRY_USER_INFO_ENV + " must be user:password, with a user free of ':' and a password.";
    }
    if (dataDir != null && Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      return "--data-dir " + dataDir + " is a file, not a directory.";
    }
    if (!Ports.isFree(kafkaPort)) {
      return busy(kafkaPort, "--kafka-port");
    }
    if (!Ports.isFree(registryPort)) {
      return busy(registryPort, "--registry-port");
    }
    return null;
  }

  private String registryUserInfo() {
    String value = environment.get(REGISTRY_USER_INFO_ENV);
    return value == null || value.isBlank() ? null : value;
  }

  private static boolean validPort(int port) {
    return port >= 1 && port <= 65_535;
  }

  private static String busy(int port, String option) {
    return "Port " + port + " on " + Ports.LOOPBACK + " is already in use; stop what uses it or choose another with "
        + option + ".";
  }
}
