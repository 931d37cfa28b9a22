package io.painguard.registry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test a fresh registry over real HTTP, on an ephemeral port, with an in-memory store. */
abstract class RunningRegistry {

  SchemaRegistryServer server;
  RegistryClient client;

  @BeforeEach
  void startRegistry() {
    server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    client = new RegistryClient(server.url());
  }

  @AfterEach
  void stopRegistry() {
    server.close();
  }
}
