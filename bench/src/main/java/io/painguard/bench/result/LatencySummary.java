package io.painguard.bench.result;

import io.painguard.bench.stats.Spread;
import java.util.List;

/**
 * The latency phase over its repeated windows: each window is a {@link Latency} of its own (its
 * probe athletes start and end inside it), and the windows' percentiles give median and range.
 *
 * @param windows every window in the order it ran
 * @param p50Millis the windows' medians (windows without a timed alert left out; null if none had one)
 * @param p99Millis the windows' 99th percentiles (likewise)
 * @param probesTimed alerts timed over all windows
 * @param probesMissing probes that sent a whole episode without an alert, over all windows
 */
public record LatencySummary(
    List<Latency> windows, Spread p50Millis, Spread p99Millis, int probesTimed, int probesMissing) {

  public static LatencySummary of(List<Latency> windows) {
    List<Percentiles> timed = windows.stream().map(Latency::sendToReadable).filter(p -> p.count() > 0).toList();
    return new LatencySummary(
        List.copyOf(windows),
        timed.isEmpty() ? null : Spread.of(timed.stream().mapToDouble(Percentiles::p50Millis).toArray()),
        timed.isEmpty() ? null : Spread.of(timed.stream().mapToDouble(Percentiles::p99Millis).toArray()),
        windows.stream().mapToInt(Latency::probesTimed).sum(),
        windows.stream().mapToInt(Latency::probesMissing).sum());
  }

  /** The offered rate of the windows (all alike). */
  public double offeredRatePerSecond() {
    return windows.isEmpty() ? 0 : windows.get(0).offeredRatePerSecond();
  }
}
