package io.painguard.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.painguard.events.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateCodesTest {

  @Test
  void everySymbolOfEveryStoredEnumHasACode() {
    // A new schema symbol fails here until it is appended to its table in StateCodes.
    for (StateCodes.Codes<?> codes :
        List.of(
            StateCodes.ACTIVITY, StateCodes.MOVEMENT, StateCodes.SENSATION, StateCodes.ONSET, StateCodes.LIMB,
            StateCodes.RED_FLAG, StateCodes.REASON, StateCodes.ALERT_STATE)) {
      assertThat(codes.unlisted()).isEmpty();
    }
  }

  @Test
  void severityRanksAreExplicitAndRoundTrip() {
    assertThat(SeverityRank.of(Severity.ADVISORY)).isLessThan(SeverityRank.of(Severity.REDUCE_INTENSITY));
    assertThat(SeverityRank.of(Severity.REDUCE_INTENSITY)).isLessThan(SeverityRank.of(Severity.STOP_ACTIVITY));
    assertThat(SeverityRank.of(Severity.STOP_ACTIVITY))
        .isLessThan(SeverityRank.of(Severity.SEEK_MEDICAL_ATTENTION));
    for (Severity s : Severity.values()) {
      assertThat(SeverityRank.severity(SeverityRank.of(s))).isEqualTo(s);
    }
  }

  @Test
  void anUnknownCodeReadsAsUnknown() {
    assertThat(StateCodes.REASON.of(30)).isEqualTo(io.painguard.events.Reason.UNKNOWN);
  }
}
