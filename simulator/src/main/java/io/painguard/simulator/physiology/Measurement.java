package io.painguard.simulator.physiology;

/** A field of an activity sample a device may fill. */
public enum Measurement {
  HEART_RATE,
  CADENCE,
  SPEED,
  POWER,
  LOAD,
  TRUNK_FLEXION
}
