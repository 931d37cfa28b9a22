package io.painguard.bench.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.bench.process.ChildJvm;
import io.painguard.bench.process.ParentLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The bench's handle on a worker JVM ({@link WorkerMain}). */
public final class WorkerProcess implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChildJvm jvm;
  private long readyNanos;

  private WorkerProcess(ChildJvm jvm) {
    this.jvm = jvm;
  }

  /** Writes the spec next to the log and starts the JVM. */
  public static WorkerProcess start(WorkerSpec spec, List<String> jvmOptions, Path logDir, String name) {
    Path specFile = logDir.resolve(name + ".properties").toAbsolutePath();
    spec.writeTo(specFile);
    return new WorkerProcess(
        ChildJvm.start(name, jvmOptions, WorkerMain.class, List.of(specFile.toString()), logDir.resolve(name + ".log")));
  }

  /** Waits until the worker is about to process; returns its figures at that moment. */
  public WorkerStats awaitReady(Duration timeout) {
    String payload = jvm.await(ParentLink.READY, timeout);
    readyNanos = System.nanoTime();
    return parse(payload);
  }

  /** When the bench learnt the worker was ready ({@link System#nanoTime()}). */
  public long readyNanos() {
    return readyNanos;
  }

  public WorkerStats snapshot() {
    return snapshot(false);
  }

  /** The worker's figures now; with {@code measureLive} after a full collection (a short pause). */
  public WorkerStats snapshot(boolean measureLive) {
    jvm.send(measureLive ? ParentLink.SNAPSHOT_LIVE : ParentLink.SNAPSHOT);
    return parse(jvm.await(ParentLink.STATS, Duration.ofSeconds(30)));
  }

  /** Stops the worker cleanly and returns its final figures. */
  public WorkerStats stop() {
    jvm.send(ParentLink.STOP);
    WorkerStats last = parse(jvm.await(ParentLink.STATS, Duration.ofSeconds(60)));
    jvm.close();
    return last;
  }

  public boolean isAlive() {
    return jvm.isAlive();
  }

  public long pid() {
    return jvm.pid();
  }

  public Path logFile() {
    return jvm.logFile();
  }

  private static WorkerStats parse(String json) {
    try {
      return JSON.readValue(json, WorkerStats.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable figures from a worker: " + json, e);
    }
  }

  @Override
  public void close() {
    jvm.close();
  }
}
