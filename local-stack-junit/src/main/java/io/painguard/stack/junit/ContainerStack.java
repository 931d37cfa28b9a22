package io.painguard.stack.junit;

import java.time.Duration;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers backend: Apache Kafka's own image and Confluent's schema registry on a
 * private Docker network. Image tags are the ones the parent pom pins, as docker-compose.yml does
 * ({@link StackImages}; override with {@code -Dpainguard.stack.kafka-image} and {@code
 * -Dpainguard.stack.registry-image}). Only loaded when Docker is there.
 */
final class ContainerStack extends RunningStack {

  private static final String KAFKA_ALIAS = "kafka";
  private static final String INTERNAL_LISTENER = KAFKA_ALIAS + ":19092";
  private static final int REGISTRY_PORT = 8081;

  private final Network network;
  private final KafkaContainer kafka;
  private final GenericContainer<?> registry;

  private ContainerStack(Network network, KafkaContainer kafka, GenericContainer<?> registry) {
    this.network = network;
    this.kafka = kafka;
    this.registry = registry;
  }

  static ContainerStack start() {
    StackImages images = StackImages.pinnedOrOverridden();
    Network network = Network.newNetwork();
    KafkaContainer kafka =
        new KafkaContainer(DockerImageName.parse(images.kafka()))
            .withNetwork(network)
            .withListener(INTERNAL_LISTENER) // Also makes "kafka" a network alias.
            // The same single-broker settings as the embedded broker, so tests behave alike.
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
            .withEnv("KAFKA_DEFAULT_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_MIN_INSYNC_REPLICAS", "1")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    GenericContainer<?> registry =
        new GenericContainer<>(DockerImageName.parse(images.schemaRegistry()))
            .withNetwork(network)
            .withExposedPorts(REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + INTERNAL_LISTENER)
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
            .dependsOn(kafka)
            .waitingFor(
                Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(2)));
    try {
      kafka.start();
      registry.start();
    } catch (RuntimeException e) {
      registry.stop();
      kafka.stop();
      network.close();
      throw e;
    }
    return new ContainerStack(network, kafka, registry);
  }

  @Override
  public String bootstrapServers() {
    return kafka.getBootstrapServers();
  }

  @Override
  public String schemaRegistryUrl() {
    return "http://" + registry.getHost() + ":" + registry.getMappedPort(REGISTRY_PORT);
  }

  @Override
  public Map<String, Object> clientProperties() {
    return bootstrapOnly(bootstrapServers());
  }

  @Override
  public String backendName() {
    return StackBackend.TESTCONTAINERS.displayName();
  }

  @Override
  protected void stopBackend() {
    try {
      registry.stop();
      kafka.stop();
    } finally {
      network.close();
    }
  }
}
