package io.painguard.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.topology.DeadLetterCounter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM's and the process's meters reach the app's Prometheus page beside PainGuard's own. */
class JvmMetersTest {

  private final PainGuardMetrics metrics = new PainGuardMetrics(new DeadLetterCounter());

  @AfterEach
  void close() {
    metrics.close();
  }

  @Test
  void theScrapeCarriesMemoryGcThreadsClassesCpuUptimeAndOpenFiles() {
    // Given the app's registry, When it is scraped
    String scrape = metrics.scrape();

    // Then each binder's families are there, next to PainGuard's
    assertThat(scrape)
        .contains(
            "jvm_memory_used_bytes{area=\"heap\"",
            "jvm_memory_max_bytes{",
            "jvm_buffer_memory_used_bytes{",
            "jvm_gc_overhead ",
            "jvm_threads_live_threads ",
            "jvm_threads_states_threads{state=\"runnable\"}",
            "jvm_classes_loaded_classes ",
            "jvm_info{",
            "system_cpu_count ",
            "process_cpu_usage ",
            "process_uptime_seconds ",
            "process_start_time_seconds ",
            "painguard_dlq_writable 1.0");
    if (System.getProperty("os.name").toLowerCase().contains("linux")) {
      assertThat(scrape).contains("process_files_open_files ", "process_files_max_files ");
    }
    assertThat(value(scrape, "jvm_threads_live_threads")).isPositive();
  }

  @Test
  void theStateDirectorysDiskIsMeasuredByItsPath(@TempDir Path stateDir) {
    // Given the registry, When the state directory is added
    metrics.stateDirectory(stateDir);

    // Then its disk's free and total space are published under its absolute path
    String scrape = metrics.scrape();
    String path = stateDir.toAbsolutePath().toString();
    assertThat(scrape).contains("disk_free_bytes{path=\"" + path + "\"}", "disk_total_bytes{path=\"" + path + "\"}");
    assertThat(value(scrape, "disk_total_bytes{path=\"" + path + "\"}")).isPositive();
  }

  private static double value(String scrape, String series) {
    return Arrays.stream(scrape.split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(series + " is not in the scrape"));
  }
}
