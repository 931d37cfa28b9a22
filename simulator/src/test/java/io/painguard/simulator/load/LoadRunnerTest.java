package io.painguard.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.painguard.simulator.CollectingSink;
import io.painguard.simulator.InputTopic;
import io.painguard.simulator.ManualTicker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadRunnerTest {

  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  private final CollectingSink sink = new CollectingSink();
  private final ManualTicker ticker = new ManualTicker();

  @Test
  void sendsAtTheTargetRateForTheDuration() {
    // Given 2000 records/s for 10 s on a simulated clock whose naps last at least 1 ms
    ManualTicker coarse = new ManualTicker(1_000_000);
    LoadRunner runner = new LoadRunner(new LoadGenerator(LoadSettings.of(200, 1, START)), sink).withTicker(coarse);
    LoadReport report = runner.run(new LoadLimits(2000, Duration.ofSeconds(10), 0), () -> false);
    // Then about 20,000 records went out, in bursts rather than one nap per record
    assertThat(report.sent()).isBetween(19_990L, 20_001L);
    assertThat(sink.sent()).hasSize((int) report.sent());
    assertThat(report.achievedRate()).isEqualTo(2000, within(2.0));
    assertThat(report.targetRate()).isEqualTo(2000);
    assertThat(coarse.sleeps()).isLessThanOrEqualTo(10_001);
    assertThat(report.acknowledged()).isEqualTo(report.sent());
    assertThat(report.failed()).isZero();
    assertThat(report.summary()).contains(String.format("%,d records sent", report.sent()), "target 2,000/s");
    assertThat(sink.flushes()).isEqualTo(1);
  }

  @Test
  void stopsAtTheEventCountAsFastAsPossible() {
    LoadRunner runner = new LoadRunner(new LoadGenerator(LoadSettings.of(1000, 1, START)), sink).withTicker(ticker);
    LoadReport report = runner.run(new LoadLimits(0, null, 12_345), () -> false);
    assertThat(report.sent()).isEqualTo(12_345);
    assertThat(sink.sent()).hasSize(12_345);
    assertThat(ticker.sleptNanos()).isZero();
    assertThat(report.summary()).contains("as fast as possible");
    assertThat(report.painReports()).isEqualTo(sink.sent().stream().filter(s -> s.topic() == InputTopic.PAIN).count());
  }

  @Test
  void profilesAreSentFirstAndNotCountedAsLoad() {
    LoadGenerator generator = new LoadGenerator(LoadSettings.of(500, 1, START));
    LoadRunner runner = new LoadRunner(generator, sink).withTicker(ticker);
    long profiles = runner.sendProfiles();
    assertThat(profiles).isEqualTo(generator.profileCount());
    assertThat(sink.sent()).hasSize((int) profiles).allSatisfy(s -> assertThat(s.topic()).isEqualTo(InputTopic.PROFILE));
    LoadReport report = runner.run(new LoadLimits(0, null, 100), () -> false);
    assertThat(report.sent()).isEqualTo(100);
    assertThat(report.profiles()).isEqualTo(profiles);
  }

  @Test
  void reportsProgressAndStopsWhenAsked() {
    List<LoadProgress> progress = new ArrayList<>();
    LoadRunner runner = new LoadRunner(new LoadGenerator(LoadSettings.of(100, 1, START)), sink)
        .withTicker(ticker)
        .withProgress(progress::add, Duration.ofSeconds(1));
    LoadReport report = runner.run(new LoadLimits(500, null, 0), () -> ticker.nanoTime() > 5_500_000_000L);
    assertThat(progress).hasSize(5);
    assertThat(progress.get(0).currentRate()).isEqualTo(500, within(5.0));
    assertThat(progress.get(4).sent()).isBetween(2_495L, 2_505L);
    assertThat(progress.get(0).line()).contains("sent", "acked", "failed", "/s");
    assertThat(report.sent()).isBetween(2_745L, 2_755L);
  }
}
