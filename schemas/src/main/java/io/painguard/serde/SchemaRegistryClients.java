package io.painguard.serde;

import java.util.Map;

/** Builds the registry client a config map asks for. */
public final class SchemaRegistryClients {

  private SchemaRegistryClients() {}

  /**
   * A {@link MockSchemaRegistry} for {@code mock://SCOPE}, otherwise a
   * {@link CachingSchemaRegistryClient} around a {@link RestSchemaRegistryClient}. Takes the
   * {@link AvroSerdeConfig} keys, e.g. {@code Map.of("schema.registry.url", "http://localhost:8081")}.
   *
   * @throws org.apache.kafka.common.config.ConfigException when the config is unusable
   */
  public static SchemaRegistryClient create(Map<String, ?> configs) {
    return create(AvroSerdeConfig.parse(configs, false));
  }

  public static SchemaRegistryClient create(AvroSerdeConfig config) {
    if (config.isMock()) {
      return MockSchemaRegistry.forScope(config.mockScope());
    }
    return new CachingSchemaRegistryClient(new RestSchemaRegistryClient(config),
        config.latestCacheTtlSec());
  }
}
