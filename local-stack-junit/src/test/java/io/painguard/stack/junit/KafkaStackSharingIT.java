package io.painguard.stack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A second class using the extension: it must get the very stack the other class got. */
@KafkaStackTest
class KafkaStackSharingIT {

  private final KafkaStack stack;

  KafkaStackSharingIT(KafkaStack stack) {
    this.stack = stack;
  }

  @Test
  void everyTestClassOfTheJvmSharesOneStack() {
    assertThat(SeenStacks.record(stack)).hasSize(1);
    assertThat(stack.bootstrapServers()).isNotBlank();
  }
}
