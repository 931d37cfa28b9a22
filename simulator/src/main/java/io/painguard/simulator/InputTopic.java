package io.painguard.simulator;

/** The three topics the simulator writes, as scenario files name them. */
public enum InputTopic {
  ACTIVITY,
  PAIN,
  PROFILE
}
