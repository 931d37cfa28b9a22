package io.painguard.bench;

import io.painguard.bench.cluster.BenchTopics;
import io.painguard.bench.worker.WorkerProcess;
import io.painguard.bench.worker.WorkerStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * App instances of one application id, each a JVM of its own with a state directory of its own,
 * as a deployment scaled out on one machine would run them. Each instance's readiness is awaited
 * in a thread of its own, so the moment each one got its first assignment is known to the
 * millisecond while the bench watches the others.
 */
final class AppInstances implements AutoCloseable {

  /** One instance: its JVM, and its figures at the moment it got its first assignment. */
  record Instance(WorkerProcess process, CompletableFuture<WorkerStats> ready, long launchedNanos) {

    boolean isReady() {
      return ready.isDone() && !ready.isCompletedExceptionally();
    }

    WorkerStats readyStats() {
      return ready.join();
    }
  }

  private final BenchSession session;
  private final BenchTopics topics;
  private final String appId;
  private final Map<String, String> kafka;
  private final Path stateRoot;
  private final List<Instance> instances = new ArrayList<>();
  private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "bench-instance-ready");
    t.setDaemon(true);
    return t;
  });

  AppInstances(BenchSession session, BenchTopics topics, String appId, Map<String, String> kafka, Path stateRoot) {
    this.session = session;
    this.topics = topics;
    this.appId = appId;
    this.kafka = kafka;
    this.stateRoot = stateRoot;
  }

  String appId() {
    return appId;
  }

  /** Launches one more instance. */
  Instance add() {
    int index = instances.size() + 1;
    long launched = System.nanoTime();
    WorkerProcess process = session.startApp(
        session.appSpec(topics, appId, kafka, stateRoot.resolve("i" + index)), appId.substring(topics.prefix().length()) + "-i" + index);
    Instance instance = new Instance(
        process, CompletableFuture.supplyAsync(() -> process.awaitReady(BenchSession.READY_TIMEOUT), waiters), launched);
    instances.add(instance);
    return instance;
  }

  List<Instance> all() {
    return List.copyOf(instances);
  }

  /** Waits for the first instance to get its assignment and returns when the bench learnt it. */
  long firstReadyNanos() throws InterruptedException {
    try {
      CompletableFuture.anyOf(instances.stream().map(Instance::ready).toArray(CompletableFuture[]::new)).get();
    } catch (ExecutionException e) {
      throw failure(e);
    }
    return instances.stream().filter(Instance::isReady).mapToLong(i -> i.process().readyNanos()).min().orElseThrow();
  }

  void awaitAllReady() throws InterruptedException {
    for (Instance i : instances) {
      try {
        i.ready().get();
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }
  }

  boolean allAlive() {
    return instances.stream().allMatch(i -> i.process().isAlive());
  }

  /** Every instance's figures now; instances not yet ready are left out (they answer only once ready). */
  List<WorkerStats> snapshotReady() {
    return instances.stream().filter(Instance::isReady).map(i -> i.process().snapshot()).toList();
  }

  /** CPU of all instances since each got its first assignment. */
  long cpuMillisSinceReady() {
    long cpu = 0;
    for (Instance i : instances) {
      cpu += i.process().snapshot().resources().cpuMillis() - i.readyStats().resources().cpuMillis();
    }
    return cpu;
  }

  private static IllegalStateException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof IllegalStateException ise ? ise : new IllegalStateException(cause.getMessage(), cause);
  }

  /** Stops every instance, the newest first, and removes their state. */
  @Override
  public void close() {
    try {
      for (int i = instances.size() - 1; i >= 0; i--) {
        instances.get(i).process().close();
      }
    } finally {
      waiters.shutdownNow();
      session.deleteQuietly(stateRoot);
    }
  }
}
