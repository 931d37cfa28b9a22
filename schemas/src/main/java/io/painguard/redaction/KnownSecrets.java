package io.painguard.redaction;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The secret values this process was configured with, so that {@link Redaction#text} can hide
 * them wherever they show up. Process-wide on purpose: logging is process-wide too, and a log line
 * written by Kafka or Jetty cannot be told which settings it came from.
 *
 * <p>Whoever reads a secret registers it before anything can log it: the app's configuration, the
 * simulator's options, the stack's broker credentials, the API's tokens. Values shorter than
 * {@value #MIN_LENGTH} characters are not searched for (they would hide ordinary words); the
 * shape-based rules of {@link Redaction} and the key-based masking of dumps still apply to them.
 */
public final class KnownSecrets {

  static final int MIN_LENGTH = 4;

  private static final Set<String> VALUES = new LinkedHashSet<>();
  // Longest first, so a secret that contains another is hidden whole; replaced, never mutated.
  private static volatile List<String> longestFirst = List.of();

  private KnownSecrets() {}

  /** Remembers one secret value. */
  public static void remember(String value) {
    if (value == null) {
      return;
    }
    String v = value.trim();
    if (v.length() < MIN_LENGTH || v.equals(Redaction.MASK) || v.equalsIgnoreCase("null")
        || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return;
    }
    synchronized (VALUES) {
      if (VALUES.add(v)) {
        List<String> sorted = new ArrayList<>(VALUES);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        longestFirst = List.copyOf(sorted);
      }
    }
  }

  /**
   * Remembers the secrets in a set of settings: the whole value of every secret-named key (with
   * the password of a {@code user:password} user info), and, in any value, the credentials of
   * URLs and the values of secret-named pairs (a JAAS {@code password="..."}, {@code
   * ?access_token=...}).
   */
  public static void rememberSettings(Map<String, ?> settings) {
    settings.forEach(
        (key, raw) -> {
          if (raw == null) {
            return;
          }
          String value = raw.toString();
          if (holdsSecretValue(key)) {
            remember(value);
            int colon = value.indexOf(':');
            if (key.toLowerCase(Locale.ROOT).contains("user.info") && colon >= 0) {
              remember(value.substring(colon + 1));
            }
          }
          Redaction.pairValues(value).forEach(KnownSecrets::remember);
          if (value.contains("://")) {
            for (String url : value.split("[,\\s]+")) {
              rememberUrl(url);
            }
          }
        });
  }

  /** Remembers the user info, its password and the secret query parameters of one URL. */
  public static void rememberUrl(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme >= 0 && at > scheme) {
      String userInfo = url.substring(scheme + 3, at);
      int colon = userInfo.indexOf(':');
      for (String part : colon < 0 ? List.of(userInfo) : List.of(userInfo, userInfo.substring(colon + 1))) {
        remember(part);
        remember(decoded(part));
      }
    }
    for (String value : Redaction.pairValues(url)) {
      remember(value);
      remember(decoded(value));
    }
  }

  // Only the keys whose whole value is a credential: not ssl.keystore.type or .location, which
  // the dumps hide by name but which would hide ordinary words (PKCS12, a path) everywhere.
  private static boolean holdsSecretValue(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return Redaction.isSecretKey(key)
        && (lower.endsWith("key")
            || List.of("password", "secret", "jaas", "user.info", "token", "credential").stream().anyMatch(lower::contains));
  }

  private static String decoded(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  /** {@code text} with every remembered value replaced by {@link Redaction#MASK}. */
  static String mask(String text) {
    String shown = text;
    for (String secret : longestFirst) {
      if (shown.contains(secret)) {
        shown = shown.replace(secret, Redaction.MASK);
      }
    }
    return shown;
  }

  /** Forgets everything (tests only: each starts from a clean process state). */
  static void forgetAll() {
    synchronized (VALUES) {
      VALUES.clear();
      longestFirst = List.of();
    }
  }
}
