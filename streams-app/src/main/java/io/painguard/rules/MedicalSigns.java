package io.painguard.rules;

import io.painguard.events.Limb;
import io.painguard.events.PainReport;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Signs in a pain report that put a healthcare provider before any workout.
 *
 * <ul>
 *   <li>Radiculopathy (DOMAIN 3): electrical sensations, pins and needles, burning, numbness or
 *       weakness, or pain radiating to any limb.
 *   <li>Red flags (DOMAIN 4 plus the standard clinical ones): every {@link RedFlag} except
 *       UNKNOWN, which is only the fallback for symbols a reader does not know.
 * </ul>
 *
 * @param radiculopathySensations the report's sensations that are radiculopathy signs
 * @param radiatesTo limbs the pain radiates to (UNKNOWN entries count: something radiates)
 * @param redFlags the report's red flags, UNKNOWN excluded
 */
public record MedicalSigns(
    Set<PainSensation> radiculopathySensations, Set<Limb> radiatesTo, Set<RedFlag> redFlags) {

  /** The sensations DOMAIN 3 names as radiculopathy signs. */
  public static final Set<PainSensation> RADICULOPATHY_SENSATIONS =
      EnumSet.of(
          PainSensation.ELECTRIC,
          PainSensation.PINS_AND_NEEDLES,
          PainSensation.BURNING,
          PainSensation.NUMBNESS,
          PainSensation.WEAKNESS);

  public static final MedicalSigns NONE =
      new MedicalSigns(
          EnumSet.noneOf(PainSensation.class), EnumSet.noneOf(Limb.class), EnumSet.noneOf(RedFlag.class));

  public static MedicalSigns of(PainReport report) {
    return of(report.getSensations(), report.getRadiatesTo(), report.getRedFlags());
  }

  public static MedicalSigns of(
      Collection<PainSensation> sensations, Collection<Limb> radiatesTo, Collection<RedFlag> redFlags) {
    Set<PainSensation> signs = EnumSet.noneOf(PainSensation.class);
    for (PainSensation s : sensations) {
      if (RADICULOPATHY_SENSATIONS.contains(s)) {
        signs.add(s);
      }
    }
    Set<Limb> limbs = EnumSet.noneOf(Limb.class);
    limbs.addAll(radiatesTo);
    Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
    for (RedFlag f : redFlags) {
      if (f != RedFlag.UNKNOWN) {
        flags.add(f);
      }
    }
    return new MedicalSigns(signs, limbs, flags);
  }

  public boolean radiculopathy() {
    return !radiculopathySensations.isEmpty() || !radiatesTo.isEmpty();
  }

  public boolean redFlag() {
    return !redFlags.isEmpty();
  }

  public boolean any() {
    return radiculopathy() || redFlag();
  }
}
