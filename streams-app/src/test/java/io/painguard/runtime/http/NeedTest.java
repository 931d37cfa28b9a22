package io.painguard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The team view's order: every rank, the acknowledgement rule and the ties. */
class NeedTest {

  @Test
  void eachOpenAlertHasItsRank() {
    assertThat(Need.of("SEEK_MEDICAL_ATTENTION", false, true)).isEqualTo(new Need(50, "Open referral"));
    assertThat(Need.of("STOP_ACTIVITY", false, true)).isEqualTo(new Need(40, "Stop"));
    assertThat(Need.of("REDUCE_INTENSITY", false, true)).isEqualTo(new Need(30, "Reduce"));
    assertThat(Need.of("ADVISORY", false, false)).isEqualTo(new Need(20, "Advisory"));
  }

  @Test
  void withoutAnAlertPainRanksAboveNothing() {
    assertThat(Need.of(null, false, true)).isEqualTo(new Need(10, "In pain"));
    assertThat(Need.of(null, false, false)).isEqualTo(new Need(0, "OK"));
    assertThat(Need.of("UNKNOWN", false, false)).as("a symbol that is no alert").isEqualTo(Need.OK);
    assertThat(Need.of("SOMETHING_NEW", false, true)).as("a symbol this version does not know").isEqualTo(Need.IN_PAIN);
  }

  @Test
  void anAcknowledgedEffortAlertRanksAsInPainOrOk() {
    for (Severity effort : List.of(Severity.STOP_ACTIVITY, Severity.REDUCE_INTENSITY, Severity.ADVISORY)) {
      assertThat(Need.of(effort.name(), true, true)).as(effort.name()).isEqualTo(Need.IN_PAIN);
      assertThat(Need.of(effort.name(), true, false)).as(effort.name()).isEqualTo(Need.OK);
    }
  }

  @Test
  void anAcknowledgedReferralKeepsRank50() {
    assertThat(Need.of("SEEK_MEDICAL_ATTENTION", true, false)).isEqualTo(Need.REFERRAL);
    assertThat(Need.REFERRAL.rank()).isEqualTo(50);
  }

  @Test
  void orderIsNeedThenHigherPainThenAthleteId() {
    // Given athletes shuffled
    List<AthleteView> athletes =
        new ArrayList<>(
            List.of(
                view("ok", 0, Need.OK),
                view("pain-b", 6, Need.IN_PAIN),
                view("pain-a", 6, Need.IN_PAIN),
                view("pain-high", 8, Need.IN_PAIN),
                view("advisory", 2, Need.ADVISORY),
                view("reduce", 5, Need.REDUCE),
                view("stop", 3, Need.STOP),
                view("referral", 1, Need.REFERRAL),
                view("old-version", 9, null)));

    // When ordered
    athletes.sort(Need.ORDER);

    // Then by rank, then higher pain, then id; a view without a need (an older instance) last
    assertThat(athletes)
        .extracting(AthleteView::athleteId)
        .containsExactly("referral", "stop", "reduce", "advisory", "pain-high", "pain-a", "pain-b", "old-version", "ok");
  }

  @Test
  void theLabelsAreServedByRank() {
    assertThat(Need.labels()).containsEntry("50", "Open referral").containsEntry("0", "OK").hasSize(6);
  }

  private static AthleteView view(String id, int pain, Need need) {
    return new AthleteView(
        id, "coach-a", null,
        new AthleteView.PainView(pain, "MODERATE", pain > 0, null, null, null, null),
        null, null, null, need);
  }
}
