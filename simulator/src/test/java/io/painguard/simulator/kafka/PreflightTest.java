package io.painguard.simulator.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.painguard.simulator.ConfigurationException;
import io.painguard.simulator.TopicNames;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightTest {

  @Test
  void anUnreachableRegistryIsNamedWithoutItsCredentials() {
    // Port 1 on loopback refuses at once: the check fails with the registry's address in it.
    Map<String, Object> serde = ProducerSettings.serdeConfig(
        "http://sim-user:sim-url-Pa55@127.0.0.1:1/?access_token=sim-token-31", Map.of());

    assertThatThrownBy(() -> Preflight.checkRegistry(
            serde, new TopicNames("a", "p", "pr"), Duration.ofMillis(300)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("Cannot use the schema registry at http://127.0.0.1:1/?access_token=[hidden]:")
        .hasMessageNotContaining("sim-url-Pa55")
        .hasMessageNotContaining("sim-token-31")
        .hasMessageNotContaining("sim-user");
  }
}
