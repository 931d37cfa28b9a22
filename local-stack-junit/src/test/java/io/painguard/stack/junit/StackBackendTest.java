package io.painguard.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class StackBackendTest {

  private final AtomicInteger dockerQuestions = new AtomicInteger();

  private BooleanSupplier docker(boolean available) {
    return () -> {
      dockerQuestions.incrementAndGet();
      return available;
    };
  }

  @Test
  void embeddedIsUsedWhenAskedForWithoutAskingDocker() {
    assertThat(StackBackend.select("embedded", docker(true))).isEqualTo(StackBackend.EMBEDDED);
    assertThat(dockerQuestions).hasValue(0);
  }

  @Test
  void automaticChoiceFollowsDockerAvailability() {
    assertThat(StackBackend.select(null, docker(true))).isEqualTo(StackBackend.TESTCONTAINERS);
    assertThat(StackBackend.select("", docker(false))).isEqualTo(StackBackend.EMBEDDED);
    assertThat(StackBackend.select(" AUTO ", docker(false))).isEqualTo(StackBackend.EMBEDDED);
  }

  @Test
  void testcontainersIsUsedWhenAskedForAndDockerIsThere() {
    assertThat(StackBackend.select("Testcontainers", docker(true))).isEqualTo(StackBackend.TESTCONTAINERS);
  }

  @Test
  void askingForTestcontainersWithoutDockerFailsWithOneClearSentence() {
    assertThatThrownBy(() -> StackBackend.select("testcontainers", docker(false)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage("-Dpainguard.stack=testcontainers needs Docker, but Testcontainers found no usable Docker environment.");
  }

  @Test
  void anUnknownBackendIsRejectedNamingTheValidOnes() {
    assertThatThrownBy(() -> StackBackend.select("docker", docker(true)))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessageContaining("embedded, testcontainers or auto")
        .hasMessageContaining("'docker'");
  }
}
