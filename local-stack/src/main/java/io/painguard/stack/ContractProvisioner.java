package io.painguard.stack;

import io.painguard.contract.ContractTopics;
import io.painguard.serde.AvroSerdeConfig;
import io.painguard.serde.SchemaRegistryClient;
import io.painguard.serde.SchemaRegistryClients;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a broker and a registry for PainGuard: the contract's topics and the value schemas of
 * its Avro topics (subjects {@code <topic>-value}). Idempotent, so it runs on every start,
 * including a restart on existing data. Works against any Kafka and any Confluent-compatible
 * registry.
 */
public final class ContractProvisioner {

  public static final int DEFAULT_PARTITIONS = 6;

  private static final Logger log = LoggerFactory.getLogger(ContractProvisioner.class);

  private ContractProvisioner() {}

  /** Every topic of the contract, DLQ included, in the contract's order. */
  public static List<String> topics() {
    return List.of(
        ContractTopics.ACTIVITY_EVENTS,
        ContractTopics.PAIN_REPORTS,
        ContractTopics.ATHLETE_PROFILES,
        ContractTopics.EXERTION_ALERTS,
        ContractTopics.DEAD_LETTERS,
        ContractTopics.ALERT_ACKNOWLEDGEMENTS);
  }

  /** Creates the topics and registers the schemas; returns subject -> schema id. */
  public static Map<String, Integer> provision(
      Map<String, Object> clientProperties, String schemaRegistryUrl, int partitions) {
    return provision(clientProperties, schemaRegistryUrl, null, partitions);
  }

  /**
   * Creates the topics and registers the schemas, with the registry's basic-auth credentials
   * ({@code user:password}, or null); returns subject -> schema id.
   */
  public static Map<String, Integer> provision(
      Map<String, Object> clientProperties, String schemaRegistryUrl, String registryUserInfo, int partitions) {
    try (Admin admin = Admin.create(clientProperties)) {
      createTopics(admin, partitions);
    }
    return registerValueSchemas(schemaRegistryUrl, registryUserInfo);
  }

  /**
   * Creates the missing contract topics ({@code athlete-profiles} compacted, {@code
   * alert-acknowledgements} with the audit trail's retention); leaves existing ones.
   */
  public static void createTopics(Admin admin, int partitions) {
    for (String topic : topics()) {
      Topics.createIfAbsent(admin, topic, partitions, ContractTopics.creationConfigs(topic));
    }
    log.info("Contract topics ready: {}", topics());
  }

  /** Registers each Avro topic's value schema; returns subject -> schema id, in contract order. */
  public static Map<String, Integer> registerValueSchemas(String schemaRegistryUrl) {
    return registerValueSchemas(schemaRegistryUrl, null);
  }

  /** As {@link #registerValueSchemas(String)}, with basic-auth credentials ({@code user:password}, or null). */
  public static Map<String, Integer> registerValueSchemas(String schemaRegistryUrl, String registryUserInfo) {
    // The serde's own registry client, so the stack registers schemas exactly as the app's
    // producers would (Confluent's REST API, the same auth and retries), against any registry.
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    // As patient as the stack's own client was: a registry just started may be slow to first write.
    config.put(AvroSerdeConfig.HTTP_CONNECT_TIMEOUT_MS, 30_000);
    config.put(AvroSerdeConfig.HTTP_READ_TIMEOUT_MS, 30_000);
    if (registryUserInfo != null) {
      config.put(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE, AvroSerdeConfig.CredentialsSource.USER_INFO.name());
      config.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, registryUserInfo);
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    try (SchemaRegistryClient registry = SchemaRegistryClients.create(config)) {
      for (Map.Entry<String, Schema> entry : ContractTopics.valueSchemas().entrySet()) {
        String subject = ContractTopics.valueSubject(entry.getKey());
        ids.put(subject, registry.register(subject, entry.getValue()));
      }
    }
    log.info("Contract schemas registered: {}", ids);
    return ids;
  }
}
