package io.painguard.stack;

import io.painguard.registry.KafkaSchemaStore;
import io.painguard.registry.RegistryAuth;
import io.painguard.registry.SchemaRegistryServer;
import io.painguard.registry.SchemaStore;
import io.painguard.stack.kafka.BrokerSecurity;
import io.painguard.stack.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker and the schema registry together, as {@code ./painguard stack} and the demo
 * run them: broker, registry (storing its schemas in the {@value #SCHEMAS_TOPIC} topic), then --
 * unless turned off -- the contract's topics and value schemas.
 *
 * <p>The registry asks for HTTP basic auth when given {@link Builder#registryCredentials}: every
 * write (POST, PUT, DELETE) then needs them, reads too unless left open ({@link
 * Builder#registryReadsOpen}, the default). A SASL_SSL stack must have them: a secured broker
 * behind a registry anyone may rewrite would secure nothing. Clients get them from {@link
 * #registryClientProperties()}.
 *
 * <p>Data layout: {@code <data-dir>/kafka} holds the broker's logs (and with them the registry's
 * schemas). Without a data directory a temporary one is used and deleted on close. A JVM shutdown
 * hook closes the stack on exit or Ctrl-C.
 */
public final class LocalStack implements AutoCloseable {

  /** The registry's storage topic, named as Confluent's registry names it. */
  public static final String SCHEMAS_TOPIC = "_schemas";

  private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

  private final int registryPort;
  private final int partitions;
  private final boolean provisionContract;
  private final boolean installHook;
  private final Path dataDir;
  private final boolean ownsDataDir;
  private final EmbeddedKafka kafka;
  private final RegistryAuth registryAuth;
  /** {@code user:password} for the registry, or null when it asks for none. */
  private final String registryUserInfo;
  private final Thread shutdownHook = new Thread(this::close, "painguard-local-stack-shutdown");

  private SchemaStore store; // Only ours while the registry has not taken it over.
  private SchemaRegistryServer registry;
  private Map<String, Integer> schemaIds = Map.of();
  private boolean hookInstalled;
  private boolean closed;

  private LocalStack(Builder builder) {
    this.registryPort = builder.registryPort;
    this.partitions = builder.partitions;
    this.provisionContract = builder.provisionContract;
    this.installHook = builder.shutdownHook;
    this.ownsDataDir = builder.dataDir == null;
    this.dataDir = ownsDataDir ? createTempDir() : builder.dataDir.toAbsolutePath();
    EmbeddedKafka.Builder kafkaBuilder =
        EmbeddedKafka.builder()
            .port(builder.kafkaPort)
            .dataDir(dataDir.resolve("kafka"))
            .security(builder.security)
            .shutdownHook(false); // Ours closes registry and broker in the right order.
    builder.brokerProperties.forEach(kafkaBuilder::brokerProperty);
    this.kafka = kafkaBuilder.build();
    this.registryUserInfo = builder.registryUser == null ? null : builder.registryUser + ":" + builder.registryPassword;
    this.registryAuth = builder.registryUser == null ? RegistryAuth.none()
        : RegistryAuth.basic(builder.registryUser, builder.registryPassword, builder.registryReadsOpen);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts broker and registry and provisions the contract; returns when all of it is usable.
   * On failure everything started so far is stopped again before the exception leaves.
   */
  public synchronized LocalStack start() {
    if (closed) {
      throw new IllegalStateException("This LocalStack is closed; build a new one.");
    }
    if (registry != null) {
      return this;
    }
    installShutdownHook();
    try {
      kafka.start();
      store = KafkaSchemaStore.open(new LinkedHashMap<>(kafka.clientProperties()), SCHEMAS_TOPIC);
      registry = SchemaRegistryServer.start(Ports.LOOPBACK, registryPort, store, registryAuth);
      store = null; // The server owns the store from here on and closes it.
      log.info("Schema registry ready on {} ({})", registry.url(), registryAuth);
      if (provisionContract) {
        schemaIds = ContractProvisioner.provision(kafka.clientProperties(), registry.url(), registryUserInfo, partitions);
      }
      return this;
    } catch (RuntimeException e) {
      stopServices();
      throw e;
    }
  }

  /** Stops registry and broker, deletes a temporary data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      stopServices();
      kafka.close();
    } finally {
      removeShutdownHook();
      if (ownsDataDir) {
        deleteQuietly(dataDir);
      }
    }
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The registry's base URL, e.g. {@code http://127.0.0.1:8081}. */
  public synchronized String schemaRegistryUrl() {
    if (registry == null) {
      throw new IllegalStateException("The stack is not running.");
    }
    return registry.url();
  }

  /**
   * Properties a Kafka client needs to reach the broker (a fresh, modifiable map); with SASL_SSL
   * they include the credentials and the truststore -- the registry's storage uses the same.
   */
  public Map<String, Object> clientProperties() {
    return kafka.clientProperties();
  }

  /**
   * What a serde (ours or Confluent's) needs besides {@code schema.registry.url} to write to this
   * registry: {@code basic.auth.credentials.source=USER_INFO} and {@code basic.auth.user.info};
   * empty when the registry asks for no credentials. A fresh map; it holds a secret.
   */
  public Map<String, String> registryClientProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    if (registryUserInfo != null) {
      props.put("basic.auth.credentials.source", "USER_INFO");
      props.put("basic.auth.user.info", registryUserInfo);
    }
    return props;
  }

  /** Subject -> schema id of the contract schemas registered at start (empty if not provisioned). */
  public synchronized Map<String, Integer> contractSchemaIds() {
    return schemaIds;
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  public Path dataDir() {
    return dataDir;
  }

  private void stopServices() {
    if (registry != null) {
      closeQuietly(registry::close, "schema registry");
      registry = null;
    }
    if (store != null) {
      closeQuietly(store::close, "schema store");
      store = null;
    }
    kafka.stop();
  }

  private void installShutdownHook() {
    if (!hookInstalled && installHook) {
      Runtime.getRuntime().addShutdownHook(shutdownHook);
      hookInstalled = true;
    }
  }

  private void removeShutdownHook() {
    if (!hookInstalled || Thread.currentThread() == shutdownHook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down and runs the hook anyway; close() is idempotent.
    }
    hookInstalled = false;
  }

  private static void closeQuietly(Runnable close, String what) {
    try {
      close.run();
    } catch (RuntimeException e) {
      log.warn("Could not close the {} cleanly: {}", what, e.getMessage());
    }
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("painguard-stack-");
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a temporary data directory", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      Utils.delete(dir.toFile());
    } catch (IOException e) {
      log.warn("Could not delete the data directory {}: {}", dir, e.getMessage());
    }
  }

  /** Builder for {@link LocalStack}; ports default to 0 (pick free ones). */
  public static final class Builder {
    private int kafkaPort;
    private int registryPort;
    private Path dataDir;
    private int partitions = ContractProvisioner.DEFAULT_PARTITIONS;
    private boolean provisionContract = true;
    private boolean shutdownHook = true;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private BrokerSecurity security = BrokerSecurity.plaintext();
    private String registryUser;
    private String registryPassword;
    private boolean registryReadsOpen = true;

    private Builder() {}

    /**
     * HTTP basic-auth credentials the registry asks for (required with SASL_SSL): writes need them,
     * reads too unless {@link #registryReadsOpen} stays true.
     */
    public Builder registryCredentials(String user, String password) {
      RegistryAuth.basic(user, password, true); // refuses unusable ones now, in one sentence
      this.registryUser = user;
      this.registryPassword = password;
      return this;
    }

    /** Whether GET requests need no credentials (default true); only with {@link #registryCredentials}. */
    public Builder registryReadsOpen(boolean open) {
      this.registryReadsOpen = open;
      return this;
    }

    /** How the broker's client listener is secured; see {@link EmbeddedKafka.Builder#security}. */
    public Builder security(BrokerSecurity security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    public Builder kafkaPort(int port) {
      this.kafkaPort = requirePort(port);
      return this;
    }

    public Builder registryPort(int port) {
      this.registryPort = requirePort(port);
      return this;
    }

    /** Kept on close; the broker's data goes to {@code dataDir/kafka}. */
    public Builder dataDir(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
      return this;
    }

    /** Partitions of each contract topic when it is created (default 6). */
    public Builder partitions(int partitions) {
      if (partitions < 1) {
        throw new IllegalArgumentException("Partitions must be at least 1, not " + partitions + ".");
      }
      this.partitions = partitions;
      return this;
    }

    /** Whether to create the contract's topics and register its schemas (default true). */
    public Builder provisionContract(boolean provision) {
      this.provisionContract = provision;
      return this;
    }

    /**
     * Whether the stack closes itself when the JVM exits (default true). A caller that runs
     * clients of the stack in the same JVM turns it off and closes the stack after them, since
     * the JVM runs shutdown hooks in no particular order.
     */
    public Builder shutdownHook(boolean install) {
      this.shutdownHook = install;
      return this;
    }

    /** Any broker property, passed to {@link EmbeddedKafka.Builder#brokerProperty}. */
    public Builder brokerProperty(String key, String value) {
      brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
      return this;
    }

    /**
     * @throws IllegalArgumentException in one sentence when the broker is secured and the
     *     registry is not
     */
    public LocalStack build() {
      if (security.isSaslSsl() && registryUser == null) {
        throw new IllegalArgumentException("A SASL_SSL stack needs registry credentials, or anyone could"
            + " change its schemas; call registryCredentials(user, password).");
      }
      return new LocalStack(this);
    }

    private static int requirePort(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("A port must be between 0 and 65535, not " + port + ".");
      }
      return port;
    }
  }
}
