package io.painguard.simulator.physiology;

/** The heart of one scripted athlete: true heart rate, accumulated drift and sustained effort. */
public final class HeartRateState {

  private final HeartRateModel model;
  private final Physiology body;
  private double heartRateBpm;
  private double driftBpm;
  private double effortSeconds;

  /** Starts at rest. */
  public HeartRateState(HeartRateModel model, Physiology body) {
    this.model = model;
    this.body = body;
    this.heartRateBpm = body.restingHeartRate();
  }

  /** Advances {@code dtSeconds} at an intensity (fraction of HRR) and returns the true heart rate. */
  public double advance(double intensity, double dtSeconds) {
    effortSeconds = model.nextEffortSeconds(effortSeconds, intensity, dtSeconds);
    driftBpm = model.nextDrift(driftBpm, effortSeconds, intensity, dtSeconds);
    heartRateBpm = model.approach(heartRateBpm, model.target(body, intensity, driftBpm), dtSeconds);
    return heartRateBpm;
  }

  public double heartRateBpm() {
    return heartRateBpm;
  }

  public double driftBpm() {
    return driftBpm;
  }

  public Physiology body() {
    return body;
  }
}
