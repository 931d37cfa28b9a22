package io.painguard.bench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeTest {

  @Test
  void latencyRunsFromTheSendOfTheSampleThatCompletedTheEvidence() {
    // Given samples at event seconds 1..3 sent at 100, 200, 300 ns
    Probe probe = new Probe("probe-000-00000", 0);
    probe.sent(1_000, 100);
    probe.sent(2_000, 200);
    probe.sent(3_000, 300);

    // When the alert for event second 2 became readable at 1,200 ns
    probe.alertEventTime = 2_000;
    probe.alertNanos = 1_200;

    // Then
    assertThat(probe.latencyNanos()).isEqualTo(1_000);
    assertThat(probe.triggerSample()).isEqualTo(2);
    assertThat(probe.samplesSent).isEqualTo(3);
  }

  @Test
  void anAlertBetweenSamplesIsTimedFromTheNewestSampleBeforeIt() {
    Probe probe = new Probe("probe-000-00001", 0);
    probe.sent(1_000, 100);
    probe.sent(2_000, 200);

    probe.alertEventTime = 2_500;
    probe.alertNanos = 700;

    assertThat(probe.latencyNanos()).isEqualTo(500);
  }

  @Test
  void withoutAnAlertOrAMatchingSampleThereIsNoLatency() {
    Probe probe = new Probe("probe-000-00002", 10_000);
    assertThat(probe.latencyNanos()).isEqualTo(-1);

    probe.sent(11_000, 100);
    probe.alertEventTime = 10_500;
    probe.alertNanos = 900;
    assertThat(probe.latencyNanos()).isEqualTo(-1);
  }

  @Test
  void probeIdsAreRecognisableAndDistinct() {
    assertThat(ProbeScript.athleteId(1, 2)).isEqualTo("probe-001-00002");
    assertThat(ProbeScript.isProbe(ProbeScript.athleteId(1, 2))).isTrue();
    assertThat(ProbeScript.athleteId(2, 1, 2)).isEqualTo("probe-w2-001-00002").isNotEqualTo(ProbeScript.athleteId(3, 1, 2));
    assertThat(ProbeScript.isProbe(ProbeScript.athleteId(2, 1, 2))).isTrue();
    assertThat(ProbeScript.isProbe("load-000001")).isFalse();
  }
}
