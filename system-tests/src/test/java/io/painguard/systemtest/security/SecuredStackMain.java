package io.painguard.systemtest.security;

import io.painguard.stack.LocalStack;
import io.painguard.stack.kafka.BrokerSecurity;

/**
 * The local stack with a SASL_SSL broker, as its own process: what {@code ./painguard stack}
 * runs, plus the security {@code ./painguard stack} has no option for. The SCRAM user and password
 * come from the environment ({@code STACK_USER}, {@code STACK_PASSWORD}), as secrets do. Runs until
 * SIGTERM; the stack's shutdown hook stops it.
 */
public final class SecuredStackMain {

  private SecuredStackMain() {}

  public static void main(String[] args) throws InterruptedException {
    LocalStack stack =
        LocalStack.builder()
            .security(BrokerSecurity.saslSsl(System.getenv("STACK_USER"), System.getenv("STACK_PASSWORD")))
            // a secured stack's registry asks for credentials too
            .registryCredentials(System.getenv("STACK_USER"), System.getenv("STACK_PASSWORD"))
            .partitions(1)
            .build()
            .start();
    System.out.println("Kafka bootstrap servers: " + stack.bootstrapServers());
    System.out.println("Schema registry URL:     " + stack.schemaRegistryUrl());
    System.out.flush();
    Thread.currentThread().join();
  }
}
