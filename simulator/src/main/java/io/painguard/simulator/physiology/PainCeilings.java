package io.painguard.simulator.physiology;

/**
 * The intensity ceilings the detection applies by pain level (issue "Detection", from DOMAIN.md:
 * scale intensity down as pain rises). The simulator only uses them to decide how hard an
 * "overexerting" athlete goes and how far a complying one backs off.
 */
public final class PainCeilings {

  private PainCeilings() {}

  /** Highest sensible intensity (fraction of HRR) for a pain level; 1.0 when there is no pain. */
  public static double ceiling(int painLevel) {
    if (painLevel <= 0) {
      return 1.0;
    }
    if (painLevel <= 3) {
      return 0.70;
    }
    if (painLevel <= 6) {
      return 0.60;
    }
    return 0.50;
  }
}
