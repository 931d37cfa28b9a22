package io.painguard.simulator.scenario;

import io.painguard.events.BodyRegion;
import io.painguard.events.Limb;
import io.painguard.events.Movement;
import io.painguard.events.PainOnset;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import java.time.Duration;
import java.util.List;

/**
 * A pain report the athlete makes at {@code at} (its event time), every PainReport field
 * scriptable; {@code delay} delivers it later than that (a late, out-of-order report).
 *
 * @param at offset from the scenario start
 * @param level 0-10 (0 ends the episode)
 * @param region default LOWER_BACK
 * @param onset default UNKNOWN
 * @param sensations what it feels like
 * @param radiatesTo limbs it radiates to
 * @param triggers movements that bring it on
 * @param redFlags clinical red flags
 * @param note free text (health data: the simulator never logs it)
 * @param delay delivery delay (default 0)
 * @param id reportId (default derived from athlete and time)
 */
public record PainReportSpec(
    Duration at,
    Integer level,
    BodyRegion region,
    PainOnset onset,
    List<PainSensation> sensations,
    List<Limb> radiatesTo,
    List<Movement> triggers,
    List<RedFlag> redFlags,
    String note,
    Duration delay,
    String id) {

  public PainReportSpec {
    region = region == null ? BodyRegion.LOWER_BACK : region;
    onset = onset == null ? PainOnset.UNKNOWN : onset;
    sensations = sensations == null ? List.of() : List.copyOf(sensations);
    radiatesTo = radiatesTo == null ? List.of() : List.copyOf(radiatesTo);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
    redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
    delay = delay == null ? Duration.ZERO : delay;
  }
}
