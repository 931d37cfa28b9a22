package io.painguard.bench.worker;

import java.util.Map;

/** One measured program inside a worker JVM: the PainGuard app or a baseline copier. */
interface Worker extends AutoCloseable {

  /** Starts; calls {@code ready} once, when it is about to process (group joined, tasks assigned). */
  void start(Runnable ready);

  /** Counters worth reporting (e.g. dead letters); empty by default. */
  default Map<String, Long> counters() {
    return Map.of();
  }

  /** Why the worker stopped working on its own, or null while it is fine. */
  default String failure() {
    return null;
  }

  /** Stops and releases everything. */
  @Override
  void close();
}
