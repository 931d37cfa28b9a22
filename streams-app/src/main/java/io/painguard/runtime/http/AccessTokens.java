package io.painguard.runtime.http;

import io.painguard.redaction.KnownSecrets;
import io.painguard.runtime.config.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The bearer tokens of the HTTP API, from {@code painguard.http.tokens}: comma-separated {@code
 * TOKEN=admin} or {@code TOKEN=coach:COACH_ID} entries.
 *
 * <p>Only SHA-256 digests of the tokens are kept. A presented token is digested and compared with
 * every known digest in constant time ({@link MessageDigest#isEqual}), without stopping at a match,
 * so neither the position of a match nor a common prefix shows in the response time.
 */
public final class AccessTokens {

  private record Entry(byte[] digest, Caller caller) {}

  private final List<Entry> entries;
  private final BiPredicate<byte[], byte[]> constantTimeEquals;

  private AccessTokens(List<Entry> entries, BiPredicate<byte[], byte[]> constantTimeEquals) {
    this.entries = List.copyOf(entries);
    this.constantTimeEquals = constantTimeEquals;
  }

  /**
   * Parses the setting; an empty one gives no tokens (every API request is refused).
   *
   * @throws ConfigException naming the entry by position, never echoing a token
   */
  public static AccessTokens parse(String setting) {
    return parse(setting, MessageDigest::isEqual);
  }

  /** As {@link #parse(String)} with the comparison replaced, so tests can watch it being used. */
  static AccessTokens parse(String setting, BiPredicate<byte[], byte[]> constantTimeEquals) {
    List<Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] parts = setting == null || setting.isBlank() ? new String[0] : setting.split(",");
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.lastIndexOf('=');
      String where = "painguard.http.tokens entry " + (i + 1);
      if (eq <= 0) {
        throw new ConfigException(where + " is not TOKEN=admin or TOKEN=coach:COACH_ID.");
      }
      String token = part.substring(0, eq).trim();
      String role = part.substring(eq + 1).trim();
      if (token.isEmpty() || token.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x21 || c > 0x7e)) {
        throw new ConfigException(where + " has a token with spaces or characters outside printable ASCII.");
      }
      Caller caller;
      if (role.equals("admin")) {
        caller = Caller.ADMIN;
      } else if (role.startsWith("coach:") && !role.substring("coach:".length()).isBlank()) {
        caller = Caller.coach(role.substring("coach:".length()).trim());
      } else {
        throw new ConfigException(where + " has role '" + role + "'; use admin or coach:COACH_ID.");
      }
      if (!seen.add(token)) {
        throw new ConfigException(where + " repeats a token given earlier; each token needs one role.");
      }
      KnownSecrets.remember(token); // so that no log line shows it, e.g. a request's ?access_token=
      entries.add(new Entry(sha256(token), caller));
    }
    return new AccessTokens(entries, constantTimeEquals);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public int size() {
    return entries.size();
  }

  /** The caller a token belongs to, or empty for an unknown (or null) token. */
  public Optional<Caller> authenticate(String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    byte[] presented = sha256(token);
    Caller match = null;
    for (Entry entry : entries) {
      // No early exit: every entry costs the same whether or not an earlier one matched.
      if (constantTimeEquals.test(entry.digest(), presented) && match == null) {
        match = entry.caller();
      }
    }
    return Optional.ofNullable(match);
  }

  /** The token of an {@code Authorization: Bearer TOKEN} header, or null. */
  public static String bearerToken(String authorizationHeader) {
    if (authorizationHeader == null) {
      return null;
    }
    String h = authorizationHeader.trim();
    if (h.length() > 7 && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return h.substring(7).trim();
    }
    return null;
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "AccessTokens[" + entries.size() + " tokens]";
  }
}
