package io.painguard.stack.junit;

import io.painguard.stack.LocalStack;
import java.util.Map;

/**
 * The embedded backend: {@link LocalStack} on free ports and a temporary data directory, without
 * the contract's topics and schemas, so each test decides what exists.
 */
final class EmbeddedStack extends RunningStack {

  private final LocalStack stack;

  private EmbeddedStack(LocalStack stack) {
    this.stack = stack;
  }

  static EmbeddedStack start() {
    return new EmbeddedStack(LocalStack.builder().provisionContract(false).build().start());
  }

  @Override
  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  @Override
  public Map<String, Object> clientProperties() {
    return stack.clientProperties();
  }

  @Override
  public String backendName() {
    return StackBackend.EMBEDDED.displayName();
  }

  @Override
  protected void stopBackend() {
    stack.close();
  }
}
