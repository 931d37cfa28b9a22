package io.painguard.bench.cluster;

import io.painguard.stack.LocalStack;

/** How the bench configures the embedded stack, wherever it runs. */
final class EmbeddedBroker {

  private EmbeddedBroker() {}

  /**
   * A started stack on free ports with a temporary data directory. The bench creates its own
   * topics (with a run prefix), so the contract's are not provisioned.
   */
  static LocalStack start() {
    return LocalStack.builder().kafkaPort(0).registryPort(0).provisionContract(false).build().start();
  }
}
