package io.painguard.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One athlete's script: who they are and what happens to them, offsets counted from the
 * scenario's start.
 *
 * @param id athleteId, used as record key
 * @param profile the athlete's profile; absent means default physiology and no published profile
 * @param activities back-to-back activity segments and pauses, from offset 0
 * @param painReports pain reports at offsets
 * @param malformed deliberately bad records at offsets
 */
public record AthleteScript(
    String id,
    ProfileSpec profile,
    List<Segment> activities,
    List<PainReportSpec> painReports,
    List<MalformedSpec> malformed) {

  public AthleteScript {
    activities = activities == null ? List.of() : List.copyOf(activities);
    painReports = painReports == null ? List.of() : List.copyOf(painReports);
    malformed = malformed == null ? List.of() : List.copyOf(malformed);
  }

  /** Total length of the activity timeline, pauses included. */
  public Duration timelineLength() {
    Duration total = Duration.ZERO;
    for (Segment s : activities) {
      total = total.plus(s.length());
    }
    return total;
  }

  /** Event-time offset of the last thing this athlete does. */
  public Duration lastEventOffset() {
    Duration last = timelineLength();
    for (PainReportSpec p : painReports) {
      last = max(last, p.at());
    }
    for (MalformedSpec m : malformed) {
      last = max(last, m.at());
    }
    return last;
  }

  private static Duration max(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.compareTo(b) >= 0 ? a : b;
  }
}
