package io.painguard.serde;

import java.util.Map;

/**
 * A configured serializer's or deserializer's config and registry client, and whether closing it
 * should close the client (only when it built the client itself).
 */
record SerdeSetup(AvroSerdeConfig config, SchemaRegistryClient client, boolean ownsClient) {

  static SerdeSetup of(Map<String, ?> configs, boolean isKey, SchemaRegistryClient provided) {
    AvroSerdeConfig config = AvroSerdeConfig.parse(configs, isKey);
    return provided != null ? new SerdeSetup(config, provided, false)
        : new SerdeSetup(config, SchemaRegistryClients.create(config), true);
  }

  /** The same config and client, borrowed: for a serde handing its client to its halves. */
  SerdeSetup borrowed() {
    return new SerdeSetup(config, client, false);
  }

  void close() {
    if (ownsClient) {
      client.close();
    }
  }

  static IllegalStateException notConfigured(Class<?> type) {
    return new IllegalStateException(type.getSimpleName() + " is not configured: call configure("
        + "Map.of(\"" + AvroSerdeConfig.SCHEMA_REGISTRY_URL + "\", ...), isKey) before using it.");
  }
}
