package io.painguard.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Who may use the registry: nobody needs credentials ({@link #none()}), or HTTP basic auth with
 * one user ({@link #basic}), as Confluent's registry does with {@code authentication.method=BASIC}
 * -- so Confluent's clients, configured with {@code basic.auth.credentials.source=USER_INFO} and
 * {@code basic.auth.user.info=user:password}, work unchanged. Writes (POST, PUT, DELETE) always
 * need the credentials; reads (GET) too unless {@code readsOpen}. Only a digest of the
 * credentials is kept, and nothing here ever prints them.
 */
public final class RegistryAuth {

  private static final RegistryAuth NONE = new RegistryAuth(null, true);

  /** SHA-256 of {@code user:password}; null when no credentials are needed. */
  private final byte[] expected;
  private final boolean readsOpen;

  private RegistryAuth(byte[] expected, boolean readsOpen) {
    this.expected = expected;
    this.readsOpen = readsOpen;
  }

  /** No authentication: every request is served (the default, for a stack on loopback). */
  public static RegistryAuth none() {
    return NONE;
  }

  /**
   * Basic auth as {@code user} with {@code password}; reads open or not.
   *
   * @throws IllegalArgumentException in one sentence when the user is empty or holds a ':' (the
   *     basic-auth separator), or the password is empty; never naming the password
   */
  public static RegistryAuth basic(String user, String password, boolean readsOpen) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (user.isEmpty() || user.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "The registry user must be non-empty and must not contain ':', the separator of basic auth.");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException("The registry password must not be empty.");
    }
    return new RegistryAuth(digest(user + ":" + password), readsOpen);
  }

  /** True when requests need credentials at all. */
  public boolean enabled() {
    return expected != null;
  }

  /** True when GET requests are served without credentials. */
  public boolean readsOpen() {
    return readsOpen;
  }

  /** True when a request with this method must carry the credentials. */
  boolean required(String method) {
    if (expected == null) {
      return false;
    }
    String m = method.toUpperCase(Locale.ROOT);
    boolean read = m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
    return !read || !readsOpen;
  }

  /**
   * True when the {@code Authorization} header carries the credentials. Compares digests in
   * constant time, so the answer's timing says nothing about how much of a guess was right.
   */
  boolean accepts(String authorization) {
    if (expected == null) {
      return true;
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(expected, digest(new String(decoded, StandardCharsets.UTF_8)));
  }

  private static byte[] digest(String userInfo) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(userInfo.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return expected == null ? "no authentication"
        : "HTTP basic auth for " + (readsOpen ? "writes" : "reads and writes");
  }
}
