package io.painguard.serde;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;

/**
 * TLS to the registry from Confluent's {@code schema.registry.ssl.*} keys: Kafka's own client
 * {@code ssl.*} settings under the registry's namespace (truststore and keystore location, password
 * and type -- JKS, PKCS12 or PEM --, key password, protocols, endpoint identification). Kafka's
 * {@link DefaultSslEngineFactory} parses and loads the stores, so they mean exactly what they mean
 * for a Kafka client.
 *
 * <p>Host names are checked unless {@code schema.registry.ssl.endpoint.identification.algorithm}
 * is empty or {@code none}; Kafka's default, {@code https}, checks them (Confluent's client skips
 * the check when the key is absent; this one does not, because absent is the common case and a
 * certificate issued to another host is exactly what the check is for). Without any {@code
 * schema.registry.ssl.*} key the JDK's defaults apply (its trusted CAs, host names checked).
 */
final class RegistryTls {

  static final String PREFIX = "schema.registry.ssl.";
  static final RegistryTls JDK_DEFAULTS = new RegistryTls(null, null);

  private final SSLContext context;
  private final SSLParameters parameters;

  private RegistryTls(SSLContext context, SSLParameters parameters) {
    this.context = context;
    this.parameters = parameters;
  }

  /** The context to use, or null for the JDK's default. */
  SSLContext context() {
    return context;
  }

  /** Protocols and cipher suites to enable, or null for the context's defaults. */
  SSLParameters parameters() {
    return parameters;
  }

  static RegistryTls from(Map<String, ?> configs) {
    Map<String, Object> ssl = new HashMap<>();
    configs.forEach((key, value) -> {
      if (key.startsWith(PREFIX) && value != null) {
        ssl.put("ssl." + key.substring(PREFIX.length()), value);
      }
    });
    if (ssl.isEmpty()) {
      return JDK_DEFAULTS;
    }
    Map<String, Object> parsed;
    try {
      parsed = new ConfigDef().withClientSslSupport().parse(ssl);
    } catch (ConfigException e) {
      // Kafka names the key without our prefix; its message never shows a password's value.
      throw new ConfigException("The registry's TLS settings are invalid: "
          + sentence(e.getMessage().replace(" ssl.", " " + PREFIX)) + ".");
    }
    // Checked first: Kafka's factory logs a stack trace for a missing file before it fails.
    for (String store : List.of("truststore", "keystore")) {
      String location = (String) parsed.get("ssl." + store + ".location");
      if (location != null && !Files.isReadable(Path.of(location))) {
        throw new ConfigException(PREFIX + store + ".location '" + location
            + "' does not exist or cannot be read.");
      }
    }
    DefaultSslEngineFactory stores = new DefaultSslEngineFactory();
    try {
      stores.configure(parsed);
      String algorithm = (String) parsed.get(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG);
      boolean checkHostNames = algorithm != null && !algorithm.isBlank()
          && !algorithm.trim().toLowerCase(Locale.ROOT).equals("none");
      SSLContext context = SSLContext.getInstance((String) parsed.get(SslConfigs.SSL_PROTOCOL_CONFIG));
      context.init(keyManagers(stores.keystore(), parsed),
          trustManagers(stores.truststore(), parsed, checkHostNames), null);
      return new RegistryTls(context, parameters(context, parsed));
    } catch (KafkaException | GeneralSecurityException | IllegalArgumentException e) {
      throw new ConfigException("The registry's TLS settings (" + PREFIX + "*) cannot be used: "
          + causes(e) + ".");
    } finally {
      stores.close();
    }
  }

  private static KeyManager[] keyManagers(KeyStore keystore, Map<String, Object> ssl)
      throws GeneralSecurityException {
    if (keystore == null) {
      return null;
    }
    // As Kafka's factory does: the key password, else the keystore's (PEM keys have only their own).
    Password key = (Password) ssl.get(SslConfigs.SSL_KEY_PASSWORD_CONFIG);
    if (key == null && !DefaultSslEngineFactory.PEM_TYPE.equals(ssl.get(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG))) {
      key = (Password) ssl.get(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG);
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance((String) ssl.get(SslConfigs.SSL_KEYMANAGER_ALGORITHM_CONFIG));
    factory.init(keystore, key == null ? null : key.value().toCharArray());
    return factory.getKeyManagers();
  }

  private static TrustManager[] trustManagers(KeyStore truststore, Map<String, Object> ssl,
      boolean checkHostNames) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(
        (String) ssl.get(SslConfigs.SSL_TRUSTMANAGER_ALGORITHM_CONFIG));
    factory.init(truststore); // null: the JDK's trusted CAs
    TrustManager[] managers = factory.getTrustManagers();
    if (checkHostNames) {
      return managers;
    }
    for (int i = 0; i < managers.length; i++) {
      if (managers[i] instanceof X509TrustManager x509) {
        managers[i] = new ChainOnly(x509);
      }
    }
    return managers;
  }

  @SuppressWarnings("unchecked")
  private static SSLParameters parameters(SSLContext context, Map<String, Object> ssl) {
    SSLParameters parameters = context.getDefaultSSLParameters();
    List<String> protocols = (List<String>) ssl.get(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG);
    if (protocols != null && !protocols.isEmpty()) {
      parameters.setProtocols(protocols.toArray(String[]::new));
    }
    List<String> ciphers = (List<String>) ssl.get(SslConfigs.SSL_CIPHER_SUITES_CONFIG);
    if (ciphers != null && !ciphers.isEmpty()) {
      parameters.setCipherSuites(ciphers.toArray(String[]::new));
    }
    return parameters;
  }

  /**
   * The failure and its first cause: "Failed to load SSL keystore ... of type PKCS12: keystore
   * password was incorrect" (deeper causes are cryptography's internals).
   */
  private static String causes(Throwable e) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = e; t != null && messages.size() < 2; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank() && messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(sentence(message));
      }
    }
    return messages.isEmpty() ? e.getClass().getSimpleName() : String.join(": ", messages);
  }

  private static String sentence(String message) {
    String text = message.strip().replaceAll("\\s+", " ");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Checks the server's certificate chain but not whether it names the host: the JDK's HTTP
   * client always asks the trust manager for the host check (there is no per-client switch), and
   * the plain two-argument check is the trust manager's chain check alone.
   */
  private static final class ChainOnly extends X509ExtendedTrustManager {
    private final X509TrustManager chain;

    ChainOnly(X509TrustManager chain) {
      this.chain = chain;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
        throws CertificateException {
      chain.checkServerTrusted(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType, Socket socket)
        throws CertificateException {
      chain.checkServerTrusted(certs, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certs, String authType)
        throws CertificateException {
      chain.checkServerTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, SSLEngine engine)
        throws CertificateException {
      chain.checkClientTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType, Socket socket)
        throws CertificateException {
      chain.checkClientTrusted(certs, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certs, String authType)
        throws CertificateException {
      chain.checkClientTrusted(certs, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return chain.getAcceptedIssuers();
    }
  }
}
