package io.painguard.bench.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.bench.process.ParentLink;
import io.painguard.bench.process.ResourceSampler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of a worker JVM: {@code WorkerMain <spec.properties>}. Says READY (with its resource
 * figures so far) when the worker is about to process, STATS on SNAPSHOT and once more on STOP.
 */
public final class WorkerMain {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    ParentLink link = ParentLink.open();
    int exit = 0;
    try (ResourceSampler sampler = new ResourceSampler().start()) {
      WorkerSpec spec = WorkerSpec.readFrom(Path.of(args[0]));
      CountDownLatch ready = new CountDownLatch(1);
      Worker worker = create(spec);
      try {
        worker.start(ready::countDown);
        boolean stopped = false;
        while (!stopped && !ready.await(100, TimeUnit.MILLISECONDS)) {
          stopped = ParentLink.STOP.equals(link.nextCommand(0));
        }
        if (!stopped) {
          link.say(ParentLink.READY, stats(sampler, worker));
        }
        while (!stopped) {
          String command = link.nextCommand(1_000);
          if (worker.failure() != null) {
            throw new IllegalStateException(worker.failure());
          }
          if (ParentLink.SNAPSHOT_LIVE.equals(command)) {
            sampler.measureLive();
            link.say(ParentLink.STATS, stats(sampler, worker));
          } else if (ParentLink.SNAPSHOT.equals(command)) {
            link.say(ParentLink.STATS, stats(sampler, worker));
          } else if (ParentLink.STOP.equals(command)) {
            stopped = true;
          }
        }
      } finally {
        worker.close();
      }
      // After close: the final figures include the app's clean shutdown (state flush).
      link.say(ParentLink.STATS, stats(sampler, worker));
    } catch (Exception | Error e) {
      link.say(ParentLink.ERROR, (e.getClass().getSimpleName() + ": " + e.getMessage()).replace('\n', ' '));
      e.printStackTrace();
      exit = 1;
    }
    System.exit(exit);
  }

  private static Worker create(WorkerSpec spec) {
    return switch (spec.role()) {
      case WorkerSpec.PAINGUARD -> new PainGuardWorker(spec);
      case WorkerSpec.COPY -> new CopyWorker(spec);
      default -> throw new IllegalArgumentException("unknown worker role " + spec.role());
    };
  }

  private static String stats(ResourceSampler sampler, Worker worker) throws Exception {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("resources", sampler.snapshot());
    stats.put("counters", worker.counters());
    return JSON.writeValueAsString(stats);
  }
}
