package io.painguard.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The child's side of {@link ChildJvm}: messages to the bench on stdout, commands from it on stdin.
 * When stdin reaches its end (the bench closed it or died) the child gets {@link #STOP}.
 */
public final class ParentLink {

  /** Marks a line of stdout as a message to the bench. */
  public static final String PREFIX = "@@bench ";
  /** Message kinds. */
  public static final String READY = "READY";
  public static final String STATS = "STATS";
  public static final String ERROR = "ERROR";
  /** Commands. */
  public static final String STOP = "STOP";
  public static final String SNAPSHOT = "SNAPSHOT";
  /** A snapshot after a full collection, which measures the live heap. */
  public static final String SNAPSHOT_LIVE = "SNAPSHOT-LIVE";

  private final PrintStream out;
  private final BlockingQueue<String> commands = new LinkedBlockingQueue<>();

  private ParentLink(PrintStream out) {
    this.out = out;
  }

  /**
   * Links to the parent through this process's stdin and stdout. Call before anything else prints:
   * {@code System.out} is redirected to stderr, so that stray prints cannot garble a message.
   */
  public static ParentLink open() {
    ParentLink link = new ParentLink(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    System.setOut(System.err);
    Thread reader = new Thread(link::readCommands, "bench-parent-link");
    reader.setDaemon(true);
    reader.start();
    return link;
  }

  /** Sends a message; the payload must be one line. */
  public synchronized void say(String kind, String payload) {
    out.println(PREFIX + kind + (payload == null || payload.isEmpty() ? "" : " " + payload));
    out.flush();
  }

  /** The next command, waiting up to {@code timeoutMillis}; null when none came. */
  public String nextCommand(long timeoutMillis) throws InterruptedException {
    return commands.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void readCommands() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line.trim());
      }
    } catch (IOException e) {
      // Treated as the end of input.
    }
    commands.add(STOP);
  }
}
