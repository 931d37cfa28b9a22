package io.painguard.stack.kafka;

import io.painguard.redaction.KnownSecrets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the embedded broker's client listener is secured: {@link #plaintext()} (the default) or
 * {@link #saslSsl SASL_SSL with SCRAM-SHA-512 over TLS}.
 *
 * <p>With SASL_SSL the client listener (also the inter-broker listener) accepts only TLS
 * connections from clients that log in with SCRAM-SHA-512 as the one user given here. That
 * user's credential is written into the cluster metadata when the data directory is formatted,
 * so no unauthenticated step is ever needed. The KRaft controller listener stays PLAINTEXT on
 * 127.0.0.1 -- only this process talks to it; it is never advertised to clients. The TLS key
 * pair (self-signed, CN 127.0.0.1, SAN 127.0.0.1 and localhost) and the clients' truststore are
 * generated with the JDK's {@code keytool} into the data directory at the first start.
 */
public final class BrokerSecurity {

  public static final String SASL_SSL = "SASL_SSL";
  public static final String SCRAM_SHA_512 = "SCRAM-SHA-512";

  /** Characters the format-time SCRAM parser and a JAAS string both take without quoting. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~@+\\-]{1,128}");

  private static final BrokerSecurity PLAINTEXT = new BrokerSecurity(null, null, null);

  private final String username;
  private final String password;
  private final String storePassword;

  private BrokerSecurity(String username, String password, String storePassword) {
    this.username = username;
    this.password = password;
    this.storePassword = storePassword;
  }

  /** No authentication, no encryption (the default). */
  public static BrokerSecurity plaintext() {
    return PLAINTEXT;
  }

  /**
   * SASL_SSL with SCRAM-SHA-512: clients must use TLS (trusting the generated certificate) and log
   * in as {@code username} with {@code password}. Both may use letters, digits and {@code ._~@+-}.
   */
  public static BrokerSecurity saslSsl(String username, String password) {
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String storePassword = HexFormat.of().formatHex(random);
    // The broker's and the registry store's clients echo these in errors; the logs must not.
    KnownSecrets.remember(password);
    KnownSecrets.remember(storePassword);
    return new BrokerSecurity(
        requireSafe(username, "The SASL username"),
        requireSafe(password, "The SASL password"),
        storePassword);
  }

  public boolean isSaslSsl() {
    return username != null;
  }

  /** The client listener's name and security protocol: PLAINTEXT or SASL_SSL. */
  public String protocol() {
    return isSaslSsl() ? SASL_SSL : "PLAINTEXT";
  }

  /** The SCRAM user clients log in as (null when plaintext). */
  public String username() {
    return username;
  }

  /** A {@code sasl.jaas.config} value for SCRAM with these credentials. */
  public static String scramJaasConfig(String username, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + username + "\" password=\"" + password + "\";";
  }

  /** Where the client truststore (PKCS12) lives under a broker data directory. */
  public static Path truststore(Path dataDir) {
    return dataDir.resolve("tls-truststore.p12");
  }

  static Path keystore(Path dataDir) {
    return dataDir.resolve("tls-broker-keystore.p12");
  }

  /** Writes key pair and truststore into the data directory (SASL_SSL only). */
  void createTlsMaterial(Path dataDir) {
    if (isSaslSsl()) {
      SelfSignedTls.create(keystore(dataDir), truststore(dataDir), storePassword);
    }
  }

  /** The {@code --add-scram} argument of the storage formatter for this user. */
  List<String> scramFormatArguments() {
    return isSaslSsl() ? List.of(SCRAM_SHA_512 + "=[name=" + username + ",password=" + password + "]") : List.of();
  }

  /** Broker settings for the client listener's security; empty when plaintext. */
  Map<String, String> brokerProperties(Path dataDir) {
    Map<String, String> props = new LinkedHashMap<>();
    if (!isSaslSsl()) {
      return props;
    }
    props.put("sasl.enabled.mechanisms", SCRAM_SHA_512);
    props.put("sasl.mechanism.inter.broker.protocol", SCRAM_SHA_512);
    // The broker logs in to its own listener as the same user when it talks to itself.
    props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaasConfig(username, password));
    props.put("ssl.keystore.type", "PKCS12");
    props.put("ssl.keystore.location", keystore(dataDir).toString());
    props.put("ssl.keystore.password", storePassword);
    props.put("ssl.key.password", storePassword);
    props.put("ssl.truststore.type", "PKCS12");
    props.put("ssl.truststore.location", truststore(dataDir).toString());
    props.put("ssl.truststore.password", storePassword);
    props.put("ssl.client.auth", "none");
    return props;
  }

  /** Client settings that pass the client listener's security; empty when plaintext. */
  Map<String, Object> clientProperties(Path dataDir) {
    Map<String, Object> props = new LinkedHashMap<>();
    if (!isSaslSsl()) {
      return props;
    }
    props.put("security.protocol", SASL_SSL);
    props.put("sasl.mechanism", SCRAM_SHA_512);
    props.put("sasl.jaas.config", scramJaasConfig(username, password));
    props.put("ssl.truststore.type", "PKCS12");
    props.put("ssl.truststore.location", truststore(dataDir).toString());
    props.put("ssl.truststore.password", storePassword);
    return props;
  }

  private static String requireSafe(String value, String what) {
    Objects.requireNonNull(value, what);
    if (!SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1-128 letters, digits or ._~@+- characters.");
    }
    return value;
  }

  @Override
  public String toString() {
    return isSaslSsl() ? "SASL_SSL/SCRAM-SHA-512 as " + username : "PLAINTEXT"; // never the password
  }
}
