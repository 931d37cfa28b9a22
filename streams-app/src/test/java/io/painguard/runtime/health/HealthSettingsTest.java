package io.painguard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.runtime.config.ConfigException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthSettingsTest {

  @Test
  void defaultsAndOverrides() {
    assertThat(HealthSettings.from(Map.of())).isEqualTo(HealthSettings.defaults());
    HealthSettings s = HealthSettings.from(Map.of(
        "painguard.health.stall-timeout", "45s", "painguard.health.max-thread-replacements", "5",
        "painguard.http.port", "8080"));
    assertThat(s.stallTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.maxThreadReplacements()).isEqualTo(5);
  }

  @Test
  void wrongSettingsAreRefusedInOneSentence() {
    assertThatThrownBy(() -> HealthSettings.from(Map.of("painguard.health.stall-timeuot", "1m")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Unknown setting 'painguard.health.stall-timeuot'; the health settings are ");
    assertThatThrownBy(() -> HealthSettings.from(Map.of("painguard.health.max-thread-replacements", "0")))
        .hasMessage("painguard.health.max-thread-replacements is '0'; it must be a whole number from 1 to 100.");
    assertThatThrownBy(() -> HealthSettings.from(Map.of("painguard.health.liveness-grace", "soon")))
        .hasMessage("painguard.health.liveness-grace is 'soon'; it must be a duration such as 500ms, 15s or 2m.");
    assertThatThrownBy(() -> HealthSettings.from(Map.of("painguard.health.stall-timeout", "4s")))
        .hasMessage("painguard.health.stall-timeout (4s) must be longer than painguard.health.check-interval (5s).");
  }
}
