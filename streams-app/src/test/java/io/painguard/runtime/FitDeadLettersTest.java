package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.topology.TopologySettings;
import org.junit.jupiter.api.Test;

/** A dead-letter topic that takes smaller records than the cap lowers the cap, so stubs fit it. */
class FitDeadLettersTest {

  private final TopologySettings topics = TopologySettings.defaults();

  @Test
  void aTopicThatTakesSmallerRecordsLowersTheCap() {
    TopologySettings fitted = PainGuardApp.fitDeadLetters(topics, new StartupChecks.OutputTopics(true, 16384));

    assertThat(fitted.deadLetterMaxBytes()).isEqualTo(16384 - 1024);
  }

  @Test
  void aTopicThatTakesTheCapOrAnUnknownLimitLeavesItAlone() {
    assertThat(PainGuardApp.fitDeadLetters(topics, new StartupChecks.OutputTopics(true, 1048588))).isSameAs(topics);
    assertThat(PainGuardApp.fitDeadLetters(topics, new StartupChecks.OutputTopics(true, -1))).isSameAs(topics);
  }

  @Test
  void theCapNeverGoesBelowItsMinimum() {
    TopologySettings fitted = PainGuardApp.fitDeadLetters(topics, new StartupChecks.OutputTopics(true, 2000));

    assertThat(fitted.deadLetterMaxBytes()).isEqualTo(TopologySettings.MIN_DEAD_LETTER_BYTES);
  }
}
