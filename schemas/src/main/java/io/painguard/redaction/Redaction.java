package io.painguard.redaction;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in text meant for people: log lines, one-sentence errors, configuration dumps,
 * the {@code /metrics} page. It lives here, in the module the app, the simulator and the stack all
 * build on, so that the three hide the same things the same way.
 *
 * <p>Two layers, because neither is enough alone:
 *
 * <ul>
 *   <li>values this process was given as secrets ({@link KnownSecrets}) are replaced wherever they
 *       show up, whatever the text around them (a JAAS string echoed by a library, a token in a
 *       request line);
 *   <li>shapes that always carry a credential are cut even when nobody told this process about
 *       it: the {@code user:password@} of a URL, {@code name=value} pairs whose name says secret
 *       ({@code ?access_token=...}, {@code password="..."}), an {@code Authorization} header.
 * </ul>
 */
public final class Redaction {

  /** What a hidden value is shown as. */
  public static final String MASK = "[hidden]";

  // Substrings of the keys that carry credentials in Kafka, SSL, SASL, the registry client and
  // the app's own settings; "key" catches ssl.key.password, ssl.keystore.key and api keys.
  private static final List<String> SECRET_KEY_MARKERS =
      List.of("password", "secret", "jaas", "user.info", "token", "credential", "key");

  // In free text "key" alone is too common a word (key.serializer, "key" in messages), so only
  // the names that cannot mean anything else.
  private static final String SECRET_NAME =
      "[\\w.-]*(?:password|passwd|pwd|secret|token|credential|user\\.info|userinfo|jaas"
          + "|api[_.-]?key|access[_.-]?key|private[_.-]?key)[\\w.-]*";

  // scheme://user:password@host -- the userinfo ends at the last '@' before the authority ends.
  private static final Pattern URL_USERINFO =
      Pattern.compile("\\b([A-Za-z][A-Za-z0-9+.-]*://)[^\\s/?#\"'<>]*@");

  // name=value, name = value, name="value": query strings, JAAS options, Kafka's config dumps.
  private static final Pattern SECRET_PAIR =
      Pattern.compile(
          "(?i)(" + SECRET_NAME + ")(\\s*=\\s*)(\\[hidden]|\"[^\"]*\"|'[^']*'|[^\\s&,;\"'}\\])]+)");

  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(authorization\\s*[:=]\\s*(?:basic|bearer)\\s+)[^\\s,;\"']+");

  private Redaction() {}

  /**
   * True when a setting of this name holds a credential, so configuration dumps show {@link
   * #MASK} instead of its value. Class names ({@code key.serializer}, {@code default.key.serde})
   * are not secrets even though they contain "key".
   */
  public static boolean isSecretKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".serializer") || lower.endsWith(".deserializer") || lower.endsWith(".serde")) {
      return false;
    }
    return SECRET_KEY_MARKERS.stream().anyMatch(lower::contains);
  }

  /**
   * One URL, safe to show: {@code scheme://host:port/path} without {@code user:password@} (cut at
   * the last '@', so an unencoded '/' or '@' in a password cannot leak) and with the values of
   * secret query parameters hidden.
   */
  public static String url(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    String shown = scheme < 0 || at < scheme ? url : url.substring(0, scheme + 3) + url.substring(at + 1);
    return pairs(shown);
  }

  /** Any text with every known secret and every credential-shaped part hidden. */
  public static String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String shown = KnownSecrets.mask(text);
    if (shown.contains("://")) {
      shown = URL_USERINFO.matcher(shown).replaceAll("$1");
    }
    if (shown.indexOf('=') >= 0) {
      shown = pairs(shown);
    }
    return AUTHORIZATION.matcher(shown).replaceAll("$1" + Matcher.quoteReplacement(MASK));
  }

  private static String pairs(String text) {
    Matcher m = SECRET_PAIR.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String value = m.group(3);
      String replacement;
      if (value.equals(MASK) || value.equalsIgnoreCase("null")) {
        replacement = m.group(); // already hidden, or nothing set (Kafka prints unset passwords as null)
      } else {
        // Keep the quotes so that quoted syntax (JAAS, Prometheus labels) stays well-formed.
        char first = value.charAt(0);
        String mask = first == '"' || first == '\'' ? first + MASK + first : MASK;
        replacement = m.group(1) + m.group(2) + mask;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }

  /** The values of secret-named pairs in {@code text} (JAAS passwords, secret query parameters). */
  static List<String> pairValues(String text) {
    return SECRET_PAIR.matcher(text).results()
        .map(r -> r.group(3))
        .map(v -> v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') ? v.substring(1, v.length() - 1) : v)
        .toList();
  }
}
