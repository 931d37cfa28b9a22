package io.painguard.topology;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.events.ActivityType.WALKING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.painguard.events.AlertState;
import io.painguard.events.ExertionAlert;
import io.painguard.events.PainSensation;
import io.painguard.events.RedFlag;
import io.painguard.events.Severity;
import io.painguard.fixtures.Events;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The referral lifecycle through the topology, where the order records are piped in is the order
 * they arrive: a referral is raised when its report is processed, whatever came before it, and
 * the status API shows it open beside the effort alert. Profile: HRrest 60, HRmax 180.
 */
class ReferralTopologyTest {

  private static final String ANA = "ana";

  private final TopologyFixture app = new TopologyFixture();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aSignReportThatArrivesAfterThePainGoneReportAndTheSamplesIsRaisedAndClosedAtOnce() {
    // Given: a walk, 3/10 at 0 s and pain gone at 120 s, all processed
    app.profile(ANA);
    app.pain(ANA, 0, 3);
    app.run(ANA, 0, 200, WALKING, 90);
    app.pain(ANA, 120, 0);
    assertThat(app.alerts()).isEmpty();

    // When: the phone delivers a report of 60 s with numbness
    app.pain(Events.radiculopathy(ANA, at(60), 3, PainSensation.NUMBNESS));

    // Then: the coach learns of it at once -- raised at 60 s, closed at 120 s by the pain-gone
    // report, saying so
    List<ExertionAlert> alerts = app.alerts();
    assertThat(alerts).extracting(ExertionAlert::getState, ExertionAlert::getSeverity, ExertionAlert::getEventTime)
        .containsExactly(
            tuple(AlertState.RAISED, Severity.SEEK_MEDICAL_ATTENTION, at(60)),
            tuple(AlertState.RESOLVED, Severity.SEEK_MEDICAL_ATTENTION, at(120)));
    assertThat(alerts.get(1).getRecommendation().getMessage()).startsWith("Referral closed");
  }

  @Test
  void aReferralAndAnEffortAlertAreOpenSideBySideAndTheStatusShowsBoth() {
    // Given: fever at 4/10, then a hard run
    app.profile(ANA);
    app.pain(Events.redFlag(ANA, at(0), 4, RedFlag.FEVER));
    app.run(ANA, 10, 200, RUNNING, 160);

    // Then: the referral, then a STOP of the effort lifecycle that names it
    assertThat(app.alerts()).extracting(ExertionAlert::getState, ExertionAlert::getSeverity)
        .containsExactly(
            tuple(AlertState.RAISED, Severity.SEEK_MEDICAL_ATTENTION),
            tuple(AlertState.RAISED, Severity.STOP_ACTIVITY));
    assertThat(app.status(ANA).openSeverity()).isEqualTo(Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(app.status(ANA).referralSince()).isEqualTo(at(0));
    assertThat(app.status(ANA).effortSeverity()).isEqualTo(Severity.STOP_ACTIVITY);
  }

  @Test
  void caudaEquinaSignsAfterAClosedReferralArriveAheadOfTheSamplesAndAreRaisedAtOnce() {
    // Given: pins and needles at 0 s, pain gone at 60 s
    app.profile(ANA);
    app.pain(Events.radiculopathy(ANA, at(0), 5, PainSensation.PINS_AND_NEEDLES));
    app.pain(ANA, 60, 0);
    app.alerts();

    // When: saddle numbness is reported at 300 s, before the watch has synced anything
    app.pain(Events.redFlag(ANA, at(300), 6, RedFlag.SADDLE_NUMBNESS));
    List<ExertionAlert> now = app.alerts();
    app.run(ANA, 0, 400, WALKING, 90);

    // Then: referred at once, and the samples that follow neither withdraw nor close it
    assertThat(now).singleElement().satisfies(a -> {
      assertThat(a.getState()).isEqualTo(AlertState.RAISED);
      assertThat(a.getEventTime()).isEqualTo(at(300));
      assertThat(a.getRecommendation().getMessage()).startsWith("Get medical care today");
    });
    assertThat(app.alerts()).noneMatch(a -> a.getSeverity() == Severity.SEEK_MEDICAL_ATTENTION);
    assertThat(app.status(ANA).referralSince()).isEqualTo(at(300));
  }
}
