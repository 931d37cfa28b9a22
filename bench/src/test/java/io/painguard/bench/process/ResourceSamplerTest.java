package io.painguard.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.bench.result.ResourceUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceSamplerTest {

  @Test
  void readsTheResidentSetFiguresOfAProcStatusFile(@TempDir Path dir) throws Exception {
    Path status = dir.resolve("status");
    Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524288 kB\nVmRSS:\t  262144 kB\n");

    assertThat(ResourceSampler.rssHighWaterMark(status)).isEqualTo(512L * 1024 * 1024);
    assertThat(ResourceSampler.rss(status)).isEqualTo(256L * 1024 * 1024);
    assertThat(ResourceSampler.rssHighWaterMark(dir.resolve("missing"))).isZero();
  }

  @Test
  void reportsThisJvmsHeapAndCpu() {
    try (ResourceSampler sampler = new ResourceSampler().start()) {
      byte[][] garbage = new byte[64][];
      for (int i = 0; i < garbage.length; i++) {
        garbage[i] = new byte[64 * 1024];
      }
      ResourceUsage usage = sampler.snapshot();

      assertThat(garbage[63]).hasSize(64 * 1024);
      assertThat(usage.heapMaxBytes()).isPositive();
      assertThat(usage.heapPeakUsedBytes()).isPositive().isLessThanOrEqualTo(usage.heapMaxBytes());
      assertThat(usage.cpuMillis()).isPositive();
      assertThat(usage.heapLiveBytes()).isZero();

      sampler.measureLive();
      assertThat(sampler.snapshot().heapLiveBytes()).isPositive().isLessThanOrEqualTo(usage.heapMaxBytes());
    }
  }

  @Test
  void sinceSubtractsCountersAndKeepsPeaks() {
    ResourceUsage early = new ResourceUsage(100, 50, 20, 0, 300, 2, 10, 1_000);
    ResourceUsage late = new ResourceUsage(100, 80, 30, 25, 400, 5, 25, 4_000);

    ResourceUsage phase = late.since(early);

    assertThat(phase).isEqualTo(new ResourceUsage(100, 80, 30, 25, 400, 3, 15, 3_000));
  }
}
