package io.painguard.topology;

import static org.awaitility.Awaitility.await;

import io.painguard.events.ActivityType;
import io.painguard.events.ExertionAlert;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import io.painguard.stack.junit.KafkaStack;
import io.painguard.stack.junit.KafkaStackTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The measurement behind the shipped {@code max.task.idle.ms} (README, "Time and ordering"); not a
 * check, so it runs only when asked: {@code -Dit.test=TaskIdleMeasurementIT
 * -Dpainguard.measure.idle=0,100,250,500,1000,2000 [-Dpainguard.measure.reps=4]}. For each value:
 *
 * <ul>
 *   <li>ordering: case (a) of the issue (pain 5, pain 0 two minutes later, a hard run) sent
 *       adversarially as a burst while the app runs, once a moment after the app processed one
 *       record and once after 3 s of idling; correct when no effort alert goes out;
 *   <li>latency cost: a pain report, then at once a sample of the same athlete (one task, two
 *       partitions); the time from the sample reaching the broker to the app having committed it.
 * </ul>
 *
 * Figures go to stdout and {@code target/task-idle-measurements.txt}.
 */
@KafkaStackTest
@EnabledIfSystemProperty(named = "painguard.measure.idle", matches = ".+")
class TaskIdleMeasurementIT {

  private KafkaStack stack;

  @Test
  void measure() throws Exception {
    long[] values =
        Arrays.stream(System.getProperty("painguard.measure.idle").split(",")).mapToLong(Long::parseLong).toArray();
    int reps = Integer.getInteger("painguard.measure.reps", 4);
    List<String> lines = new ArrayList<>();
    lines.add("max.task.idle.ms | (a) correct, burst a moment after a record | (a) correct, burst after 3 s idle"
        + " | report-then-sample latency ms (median, max)");
    for (long idle : values) {
      try (BurstRig rig = new BurstRig(stack)) {
        rig.start(Map.of(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, idle));
        int momentOk = 0;
        int idleOk = 0;
        for (int i = 0; i < reps; i++) {
          momentOk += burst(rig, "moment-" + i, Duration.ZERO) ? 1 : 0;
          idleOk += burst(rig, "idle-" + i, Duration.ofSeconds(3)) ? 1 : 0;
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < reps * 2; i++) {
          latencies.add(reportThenSample(rig, "probe-" + i));
        }
        latencies.sort(null);
        String line = idle + " | " + momentOk + "/" + reps + " | " + idleOk + "/" + reps + " | "
            + latencies.get(latencies.size() / 2) + ", " + latencies.get(latencies.size() - 1);
        System.out.println("TASK-IDLE " + line);
        lines.add(line);
      }
    }
    Path out = Path.of("target", "task-idle-measurements.txt");
    Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** Case (a) for a fresh athlete, after one record of someone else and {@code gap} of quiet. */
  private boolean burst(BurstRig rig, String athlete, Duration gap) {
    rig.send(Events.sample("other-" + athlete, Instant.now().minusSeconds(5), ActivityType.WALKING, 90));
    rig.flush();
    rig.awaitAllProcessed();
    if (!gap.isZero()) {
      await().pollDelay(gap).atMost(gap.plusSeconds(5)).until(() -> true);
    }
    Bursts.painGoneBeforeTheRun(athlete, Bursts.base()).sendAdversarially(rig);
    rig.awaitAllProcessed();
    List<ExertionAlert> theirs =
        rig.alerts().stream().filter(a -> a.getAthleteId().equals(athlete)).toList();
    return theirs.stream().noneMatch(a -> a.getSeverity() == Severity.REDUCE_INTENSITY);
  }

  private long reportThenSample(BurstRig rig, String athlete) {
    Instant t = Instant.now().minusSeconds(10);
    rig.send(Events.pain(athlete, t, 3));
    rig.flush();
    rig.send(Events.sample(athlete, t.plusSeconds(1), ActivityType.WALKING, 90));
    rig.flush();
    long sent = System.nanoTime();
    rig.awaitAllProcessed();
    return (System.nanoTime() - sent) / 1_000_000;
  }
}
