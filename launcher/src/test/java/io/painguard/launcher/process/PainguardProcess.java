package io.painguard.launcher.process;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code ./painguard} script started as a user starts it: its own JVM, its own classpath
 * file and logback configuration, in the repository root. Output (stdout and stderr together) is
 * collected line by line, so tests wait for what a user would see. Its temporary files go to a
 * directory of the test's own, so leftovers can be checked.
 */
public final class PainguardProcess implements AutoCloseable {

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;
  private final Path tmpDir;

  private PainguardProcess(Process process, Path tmpDir) {
    this.process = process;
    this.tmpDir = tmpDir;
    this.reader = new Thread(this::collect, "painguard-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code ./painguard args...}. The build is already done by Maven ({@code
   * PAINGUARD_SKIP_BUILD=1}), so the script runs exactly what was just packaged.
   *
   * @param tmpDir the process's {@code java.io.tmpdir}, created if missing
   */
  public static PainguardProcess start(Path tmpDir, String... args) {
    Path root = repositoryRoot();
    List<String> command = new ArrayList<>();
    command.add(root.resolve("painguard").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PAINGUARD_"));
    env.put("PAINGUARD_SKIP_BUILD", "1");
    env.put("JAVA_OPTS", "-Xmx768m -Djava.io.tmpdir=" + tmpDir);
    try {
      Files.createDirectories(tmpDir);
      return new PainguardProcess(builder.start(), tmpDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checkout this test runs in: the directory holding the {@code painguard} script. */
  public static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("painguard"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("No ./painguard script above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private void collect() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
        }
      }
    } catch (IOException closed) {
      // The process is gone; what it printed is kept.
    }
  }

  /** Everything printed so far. */
  public List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Everything printed so far, one string. */
  public String text() {
    return String.join("\n", output());
  }

  /** The first line matching {@code pattern}, if printed yet. */
  public Optional<Matcher> line(Pattern pattern) {
    for (String line : output()) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /**
   * Waits for a line matching {@code pattern}; fails with the output so far when it does not come
   * or the process ends first.
   */
  public Matcher awaitLine(Pattern pattern, Duration timeout) {
    await("a line matching " + pattern + " in:\n" + tail())
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> line(pattern).isPresent() || !process.isAlive());
    return line(pattern)
        .orElseThrow(() -> new AssertionError("./painguard ended (exit " + exitCode() + ") without printing "
            + pattern + ":\n" + tail()));
  }

  /** Sends SIGINT, as Ctrl-C in a terminal does. */
  public void interrupt() {
    signal("INT");
  }

  private void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for the process to end; empty when it is still running after {@code timeout}. */
  public Optional<Integer> awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      reader.join(5_000);
      return Optional.of(process.exitValue());
    }
    return Optional.empty();
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  public Path tmpDir() {
    return tmpDir;
  }

  private String exitCode() {
    return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
  }

  /** The last lines printed, for failure messages. */
  public String tail() {
    List<String> all = output();
    return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
  }

  /** Kills what is left: the process and anything it started. */
  @Override
  public void close() {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
