package io.painguard.simulator.load;

import io.painguard.events.BodyRegion;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random pain reports with the structure of DOMAIN.md: a level, where it hurts, when it came on,
 * what brings it on and what it feels like; rarely radiculopathy signs or a red flag.
 */
final class PainEpisodes {

  /** Share of episodes with radiculopathy signs (pain radiating down a leg, nerve sensations). */
  static final double RADICULOPATHY_SHARE = 0.02;

  /** Share of episodes with a clinical red flag. */
  static final double RED_FLAG_SHARE = 0.005;

  private static final PainSensation[] COMMON_SENSATIONS = {
    PainSensation.DULL, PainSensation.ACHING, PainSensation.STIFFNESS, PainSensation.SPASM, PainSensation.SHARP
  };
  private static final PainSensation[] NERVE_SENSATIONS = {
    PainSensation.ELECTRIC, PainSensation.PINS_AND_NEEDLES, PainSensation.NUMBNESS, PainSensation.BURNING
  };
  private static final Movement[] TRIGGERS = {
    Movement.BENDING, Movement.LIFTING, Movement.TWISTING, Movement.SITTING, Movement.RUNNING, Movement.JUMPING
  };
  private static final RedFlag[] RED_FLAGS = {
    RedFlag.FEVER,
    RedFlag.UNEXPLAINED_WEIGHT_LOSS,
    RedFlag.RECENT_TRAUMA,
    RedFlag.SUSPECTED_FRACTURE,
    RedFlag.SUSPECTED_LIGAMENT_TEAR,
    RedFlag.BLADDER_OR_BOWEL_CHANGE,
    RedFlag.SADDLE_NUMBNESS
  };

  private PainEpisodes() {}

  /** A starting level: 45 % mild, 40 % moderate, 15 % severe. */
  static int drawLevel(RandomGenerator random) {
    double u = random.nextDouble();
    if (u < 0.45) {
      return 1 + random.nextInt(3);
    }
    if (u < 0.85) {
      return 4 + random.nextInt(3);
    }
    return 7 + random.nextInt(3);
  }

  /** The report opening an episode. */
  static PainReport opening(String athleteId, long timeMillis, int level, RandomGenerator random) {
    List<PainSensation> sensations = new ArrayList<>();
    sensations.add(COMMON_SENSATIONS[random.nextInt(COMMON_SENSATIONS.length)]);
    if (random.nextDouble() < 0.4) {
      PainSensation second = COMMON_SENSATIONS[random.nextInt(COMMON_SENSATIONS.length)];
      if (!sensations.contains(second)) {
        sensations.add(second);
      }
    }
    List<Movement> triggers = new ArrayList<>();
    if (random.nextDouble() < 0.6) {
      triggers.add(TRIGGERS[random.nextInt(TRIGGERS.length)]);
      Movement second = TRIGGERS[random.nextInt(TRIGGERS.length)];
      if (random.nextDouble() < 0.3 && !triggers.contains(second)) {
        triggers.add(second);
      }
    }
    List<Limb> radiates = new ArrayList<>();
    if (random.nextDouble() < RADICULOPATHY_SHARE) {
      sensations.add(NERVE_SENSATIONS[random.nextInt(NERVE_SENSATIONS.length)]);
      radiates.add(random.nextBoolean() ? Limb.LEFT_LEG : Limb.RIGHT_LEG);
    }
    List<RedFlag> redFlags = new ArrayList<>();
    if (random.nextDouble() < RED_FLAG_SHARE) {
      redFlags.add(RED_FLAGS[random.nextInt(RED_FLAGS.length)]);
    }
    return new PainReport(
        athleteId + "-pain-" + timeMillis,
        athleteId,
        Instant.ofEpochMilli(timeMillis),
        level,
        region(random),
        onset(random),
        sensations,
        radiates,
        triggers,
        redFlags,
        null);
  }

  /** A follow-up report: pain rising during activity, or gone (level 0). */
  static PainReport followUp(String athleteId, long timeMillis, int level, PainOnset onset) {
    List<PainSensation> sensations = new ArrayList<>();
    if (level > 0) {
      sensations.add(PainSensation.SHARP);
    }
    return new PainReport(
        athleteId + "-pain-" + timeMillis,
        athleteId,
        Instant.ofEpochMilli(timeMillis),
        level,
        BodyRegion.LOWER_BACK,
        onset,
        sensations,
        new ArrayList<>(),
        new ArrayList<>(),
        new ArrayList<>(),
        null);
  }

  private static BodyRegion region(RandomGenerator random) {
    double u = random.nextDouble();
    if (u < 0.85) {
      return BodyRegion.LOWER_BACK;
    }
    if (u < 0.90) {
      return BodyRegion.BUTTOCK;
    }
    if (u < 0.95) {
      return BodyRegion.HIP;
    }
    return BodyRegion.UPPER_BACK;
  }

  private static PainOnset onset(RandomGenerator random) {
    double u = random.nextDouble();
    if (u < 0.40) {
      return PainOnset.DURING_ACTIVITY;
    }
    if (u < 0.65) {
      return PainOnset.AFTER_ACTIVITY;
    }
    if (u < 0.85) {
      return PainOnset.AT_REST;
    }
    return PainOnset.BEFORE_ACTIVITY;
  }
}
