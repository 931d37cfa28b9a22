package io.painguard.systemtest.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java main class run in its own JVM with the test classpath, its stdout and stderr captured in a
 * file. {@link #kill()} is SIGKILL (no shutdown hook runs, nothing is flushed), {@link #terminate()}
 * SIGTERM (what an orchestrator sends for a graceful stop).
 */
public final class ChildJvm implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path logFile;

  private ChildJvm(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
  }

  /**
   * Starts {@code mainClass} with {@code args}; {@code -D} system properties from {@code
   * properties}; output to {@code logFile}.
   */
  public static ChildJvm start(
      String name, String mainClass, List<String> args, Map<String, String> properties, Path logFile, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.io.tmpdir=" + Leftovers.tempDir());
    command.add("-Dlogback.configurationFile=" + resource("child-logback.xml"));
    String trusted = System.getProperty("org.apache.avro.SERIALIZABLE_PACKAGES");
    if (trusted != null) {
      command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=" + trusted);
    }
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().keySet().removeIf(k -> k.startsWith("PAINGUARD_"));
    builder.environment().putAll(env);
    try {
      return new ChildJvm(name, builder.start(), logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + name, e);
    }
  }

  /** The test classpath (surefire/failsafe pass it in a manifest jar; they also publish it). */
  static String classpath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
  }

  private static String resource(String name) {
    var url = ChildJvm.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException(name + " is missing from the test resources");
    }
    return Path.of(java.net.URI.create(url.toString())).toString();
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the JVM dies at once, without shutdown hooks. Waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofSeconds(10));
  }

  /** SIGTERM: the JVM runs its shutdown hooks (a graceful stop). Does not wait. */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to end; returns its exit code, or throws when it does not end in time. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(name + " did not exit within " + timeout.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Everything the JVM printed so far. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  public Path logFile() {
    return logFile;
  }

  /** The last lines of the log, for failure messages. */
  public String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** SIGKILL if still running (cleanup after a failed test). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
