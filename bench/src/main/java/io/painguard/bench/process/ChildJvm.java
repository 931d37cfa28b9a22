package io.painguard.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A helper JVM started by the bench (the broker, the app, a baseline copier) on the bench's own
 * classpath, so that each measured program has a heap, a GC and a resident set of its own.
 *
 * <p>It talks to the bench through {@link ParentLink}: messages on stdout prefixed with {@value
 * ParentLink#PREFIX}, commands on stdin. Everything else it prints goes to its log file. It ends
 * on {@code STOP}, and also on its own when the bench's end of stdin closes -- so a killed bench
 * leaves no JVM behind.
 */
public final class ChildJvm implements AutoCloseable {

  private static final String EXITED = "\u0000exited";

  private final String name;
  private final Process process;
  private final Path logFile;
  private final Writer commands;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

  private ChildJvm(String name, Process process, Path logFile) {
    this.name = name;
    this.process = process;
    this.logFile = logFile;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread pump = new Thread(this::pumpStdout, "bench-" + name + "-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  /**
   * Starts {@code mainClass} in a new JVM.
   *
   * @param name short name for logs and errors ("app", "broker", ...)
   * @param jvmOptions e.g. {@code -Xmx512m}
   * @param logFile where the child's log and other output go (appended)
   */
  public static ChildJvm start(
      String name, List<String> jvmOptions, Class<?> mainClass, List<String> args, Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-Dlogback.configurationFile=painguard-bench-child-logback.xml");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    try {
      Files.createDirectories(logFile.toAbsolutePath().getParent());
      Files.writeString(logFile, "# " + String.join(" ", command) + System.lineSeparator());
      Process process =
          new ProcessBuilder(command)
              .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .start();
      return new ChildJvm(name, process, logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the " + name + " JVM: " + e.getMessage(), e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends a command line (e.g. {@code STOP}). */
  public synchronized void send(String command) {
    try {
      commands.write(command + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new IllegalStateException(
          "The " + name + " JVM is gone (" + e.getMessage() + "); see " + logFile, e);
    }
  }

  /**
   * Waits for the next message of the given kind and returns its payload; other kinds are skipped.
   *
   * @throws IllegalStateException when the JVM reports an error, exits, or stays silent too long
   */
  public String await(String kind, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String message;
      try {
        message = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the " + name + " JVM.", e);
      }
      if (message == null) {
        throw failure("did not say " + kind + " within " + timeout.toSeconds() + " s");
      }
      if (message.equals(EXITED)) {
        messages.add(EXITED); // later waits fail too
        throw failure("exited with code " + exitCode() + " before saying " + kind);
      }
      if (message.startsWith(ParentLink.ERROR + " ")) {
        throw failure("failed: " + message.substring(ParentLink.ERROR.length() + 1));
      }
      if (message.equals(kind) || message.startsWith(kind + " ")) {
        return message.length() > kind.length() ? message.substring(kind.length() + 1) : "";
      }
    }
  }

  /**
   * Asks the JVM to stop ({@code STOP}), waits for it, and kills it if it does not end in time.
   * Idempotent.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        send(ParentLink.STOP);
      } catch (IllegalStateException e) {
        // Already closing its end.
      }
      try {
        commands.close();
      } catch (IOException e) {
        // The child sees EOF either way.
      }
    }
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private IllegalStateException failure(String what) {
    return new IllegalStateException("The " + name + " JVM " + what + "; its log: " + logFile
        + System.lineSeparator() + tail(logFile, 15));
  }

  private String exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "?";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private void pumpStdout() {
    try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer log =
            Files.newBufferedWriter(
                logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ParentLink.PREFIX)) {
          messages.add(line.substring(ParentLink.PREFIX.length()));
        } else {
          log.write(line + System.lineSeparator());
          log.flush();
        }
      }
    } catch (IOException e) {
      // The stream closes when the process ends.
    } finally {
      messages.add(EXITED);
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
