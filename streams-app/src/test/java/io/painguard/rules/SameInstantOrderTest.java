package io.painguard.rules;

import static io.painguard.events.ActivityType.RUNNING;
import static io.painguard.fixtures.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.ExertionAlert;
import io.painguard.events.PainOnset;
import io.painguard.fixtures.Events;
import io.painguard.fixtures.GuardScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pain report and a sample of the same second, in either order. Two producers (a phone and a
 * watch) give no order between them, and Kafka Streams breaks a tie between two topics' heads
 * arbitrarily. The evidence window is kept per second, so which alerts are raised -- id, state,
 * severity, reasons, pain level -- does not depend on the order; the evidence summary of the alert
 * the report raises ({@code observed}, and the reduction derived from it) counts that one second
 * only if its sample was there first. This pins both halves, so a change to either shows.
 */
class SameInstantOrderTest {

  @Test
  void aReportAndASampleOfTheSameInstantRaiseTheSameAlertsInEitherOrder() {
    // Given two copies of the same athlete running hard for 100 s, pain-free
    GuardScript reportFirst = new GuardScript("athlete-1").profile();
    GuardScript sampleFirst = new GuardScript("athlete-1").profile();
    reportFirst.run(0, 100, RUNNING, 150);
    sampleFirst.run(0, 100, RUNNING, 150);

    // When pain at 4/10 that came on during the run is reported at second 100, the very instant
    // of a sample -- to one before the sample, to the other after it
    var report = Events.report("athlete-1", at(100), 4).setOnset(PainOnset.DURING_ACTIVITY).build();
    var sample = Events.sample("athlete-1", at(100), RUNNING, 150);
    reportFirst.pain(report);
    reportFirst.sample(sample);
    sampleFirst.sample(sample);
    sampleFirst.pain(report);
    reportFirst.run(101, 200, RUNNING, 150);
    sampleFirst.run(101, 200, RUNNING, 150);

    // Then both raise the same alerts
    assertThat(reportFirst.alerts()).isNotEmpty();
    assertThat(decisions(sampleFirst.alerts())).isEqualTo(decisions(reportFirst.alerts()));
    // And only the second of the tie is missing from the evidence when the report came first
    ExertionAlert first = reportFirst.alerts().get(0);
    ExertionAlert second = sampleFirst.alerts().get(0);
    assertThat(second.getObserved().getSecondsAboveCeiling() - first.getObserved().getSecondsAboveCeiling()).isEqualTo(1);
  }

  private static List<String> decisions(List<ExertionAlert> alerts) {
    return alerts.stream()
        .map(a -> a.getAlertId() + " " + a.getState() + " " + a.getSeverity() + " " + a.getReasons() + " " + a.getPainLevel())
        .toList();
  }
}
