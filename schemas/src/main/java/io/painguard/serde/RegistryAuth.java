package io.painguard.serde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * How the registry client proves who it is, under Confluent's keys: HTTP basic auth ({@code
 * basic.auth.*}: from each URL's {@code user:password@}, or from {@code basic.auth.user.info}), or
 * a fixed bearer token ({@code bearer.auth.credentials.source=STATIC_TOKEN}, {@code
 * bearer.auth.token}, with Confluent Cloud's {@code target-sr-cluster} and {@code
 * Confluent-Identity-Pool-Id} headers from {@code bearer.auth.logical.cluster} and {@code
 * bearer.auth.identity.pool.id}). As in Confluent's client a bearer token replaces credentials
 * taken from a URL. Secrets go into request headers only, and no message here quotes one ({@link
 * AvroSerdeConfig#parse} registers them with {@code KnownSecrets}, so no log line shows them).
 */
final class RegistryAuth {

  static final String STATIC_TOKEN = "STATIC_TOKEN";
  static final String TARGET_SR_CLUSTER = "target-sr-cluster";
  static final String IDENTITY_POOL_ID = "Confluent-Identity-Pool-Id";

  private final AvroSerdeConfig.CredentialsSource basicSource;
  private final String userInfo;
  private final String bearerToken;
  private final Map<String, String> bearerHeaders;

  private RegistryAuth(AvroSerdeConfig.CredentialsSource basicSource, String userInfo,
      String bearerToken, Map<String, String> bearerHeaders) {
    this.basicSource = basicSource;
    this.userInfo = userInfo;
    this.bearerToken = bearerToken;
    this.bearerHeaders = bearerHeaders;
  }

  static RegistryAuth from(Map<String, ?> configs) {
    AvroSerdeConfig.CredentialsSource source = basicSource(configs);
    // Confluent's UserInfoCredentialProvider reads the older, prefixed name first; so do we, so
    // a config that sets both means the same credentials with either serde.
    String info = ConfigValues.text(configs, AvroSerdeConfig.REGISTRY_BASIC_AUTH_USER_INFO);
    if (info == null) {
      info = ConfigValues.text(configs, AvroSerdeConfig.BASIC_AUTH_USER_INFO);
    }
    if (source == AvroSerdeConfig.CredentialsSource.USER_INFO && info == null) {
      throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO needs "
          + AvroSerdeConfig.BASIC_AUTH_USER_INFO + " set to user:password.");
    }
    if (source == AvroSerdeConfig.CredentialsSource.USER_INFO && info.indexOf(':') < 0) {
      // Do not echo the value: it is a secret even when malformed.
      throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_USER_INFO
          + " must have the form user:password.");
    }
    String token = bearerToken(configs);
    if (token != null && source == AvroSerdeConfig.CredentialsSource.USER_INFO) {
      throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO and "
          + AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE + "=" + STATIC_TOKEN + " are both set, but"
          + " a registry request carries one Authorization header: keep one of them.");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      putIfSet(headers, TARGET_SR_CLUSTER, configs, AvroSerdeConfig.BEARER_AUTH_LOGICAL_CLUSTER);
      putIfSet(headers, IDENTITY_POOL_ID, configs, AvroSerdeConfig.BEARER_AUTH_IDENTITY_POOL_ID);
    }
    return new RegistryAuth(source, info, token, Collections.unmodifiableMap(headers));
  }

  AvroSerdeConfig.CredentialsSource basicSource() {
    return basicSource;
  }

  /** The configured {@code user:password}; package-private so it cannot leak beyond the client. */
  String userInfo() {
    return userInfo;
  }

  /**
   * The headers of every request to one registry URL.
   *
   * @param urlUserInfo the URL's decoded {@code user:password}, or null
   */
  Map<String, String> headersFor(String urlUserInfo) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (bearerToken != null) {
      headers.put("Authorization", "Bearer " + bearerToken);
      headers.putAll(bearerHeaders);
      return headers;
    }
    String basic = basicSource == AvroSerdeConfig.CredentialsSource.USER_INFO ? userInfo : urlUserInfo;
    if (basic != null) {
      headers.put("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return headers;
  }

  /** What kind of credentials, never their values. */
  @Override
  public String toString() {
    if (bearerToken != null) {
      return "bearer token [hidden]" + (bearerHeaders.isEmpty() ? "" : " " + bearerHeaders.keySet());
    }
    return "basic " + basicSource + (userInfo == null ? "" : ", userInfo=[hidden]");
  }

  private static AvroSerdeConfig.CredentialsSource basicSource(Map<String, ?> configs) {
    String value = ConfigValues.text(configs, AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE);
    if (value == null) {
      return AvroSerdeConfig.CredentialsSource.URL;
    }
    for (AvroSerdeConfig.CredentialsSource source : AvroSerdeConfig.CredentialsSource.values()) {
      if (source.name().equals(value.toUpperCase(Locale.ROOT))) {
        return source;
      }
    }
    throw new ConfigException(AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE
        + " must be URL or USER_INFO, but is '" + value + "'.");
  }

  /** The static token, or null when no bearer source is set; refuses the sources we lack. */
  private static String bearerToken(Map<String, ?> configs) {
    String source = ConfigValues.text(configs, AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE);
    if (source == null) {
      return null;
    }
    if (!source.equalsIgnoreCase(STATIC_TOKEN)) {
      throw new ConfigException(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE + " must be "
          + STATIC_TOKEN + " (with " + AvroSerdeConfig.BEARER_AUTH_TOKEN + "), but is '" + source
          + "': this client sends a token it is given and fetches none itself.");
    }
    String token = ConfigValues.text(configs, AvroSerdeConfig.BEARER_AUTH_TOKEN);
    if (token == null) {
      throw new ConfigException(AvroSerdeConfig.BEARER_AUTH_CREDENTIALS_SOURCE + "=" + STATIC_TOKEN
          + " needs " + AvroSerdeConfig.BEARER_AUTH_TOKEN + " set to the token.");
    }
    if (token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      // Not echoed: the JDK would refuse it later with the value in its message.
      throw new ConfigException(AvroSerdeConfig.BEARER_AUTH_TOKEN + " holds characters an HTTP"
          + " header cannot carry (spaces, line breaks or non-ASCII).");
    }
    return token;
  }

  private static void putIfSet(Map<String, String> headers, String header, Map<String, ?> configs,
      String key) {
    String value = ConfigValues.text(configs, key);
    if (value != null) {
      headers.put(header, value);
    }
  }
}
