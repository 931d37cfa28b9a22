package io.painguard.simulator.scenario;

/**
 * Workload over an activity segment, in percent of heart-rate reserve: constant ({@code
 * intensity: 70}) or a linear ramp ({@code intensity: {from: 50, to: 85}}).
 */
public record Intensity(double fromPct, double toPct) {

  public static Intensity constant(double pct) {
    return new Intensity(pct, pct);
  }

  /** The intensity as a fraction of HRR at {@code progress} (0 = segment start, 1 = end). */
  public double fractionAt(double progress) {
    double p = Math.max(0, Math.min(1, progress));
    return (fromPct + (toPct - fromPct) * p) / 100.0;
  }

  public boolean isRamp() {
    return fromPct != toPct;
  }
}
