package io.painguard.runtime.config;

import io.painguard.text.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The runtime's own settings ({@code painguard.http.*}, {@code painguard.startup.*}, {@code
 * painguard.shutdown.*}, {@code painguard.log.*}), typed. Defaults:
 *
 * <pre>
 * painguard.http.host                0.0.0.0  interface the HTTP API listens on
 * painguard.http.port                8080     0 = any free port
 * painguard.http.tokens              (none)   TOKEN=admin or TOKEN=coach:COACH_ID, comma-separated
 * painguard.http.sse-heartbeat       15s      comment sent to idle alert streams so proxies keep them open
 * painguard.http.sse-replay          50       recent alerts a new alert stream starts with
 * painguard.http.sse-max-clients     200      alert streams open at once; more get 503
 * painguard.http.forward-timeout     5s       timeout of a query forwarded to the instance owning an athlete
 * painguard.startup.timeout          10s      how long the broker and registry get to answer at start
 * painguard.startup.create-topics    true     create missing topics (broker defaults; profiles compacted)
 * painguard.shutdown.timeout         30s      how long Kafka Streams gets to close cleanly
 * painguard.log.format               text     text, or json: one JSON object per log line
 * </pre>
 */
public record RuntimeSettings(
    String httpHost,
    int httpPort,
    String httpTokens,
    Duration sseHeartbeat,
    int sseReplay,
    int sseMaxClients,
    Duration forwardTimeout,
    Duration startupTimeout,
    boolean createTopics,
    Duration shutdownTimeout,
    LogFormat logFormat) {

  /** Every key this record reads, with its default. */
  public static final Map<String, String> DEFAULTS = defaults();

  /** Families under {@code painguard.} other parts of the app read (and check) themselves. */
  private static final Set<String> OTHER_FAMILIES =
      Set.of("painguard.rules.", "painguard.topics.", "painguard.topology.", "painguard.health.",
          "painguard.serde.");

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("painguard.http.host", "0.0.0.0");
    d.put("painguard.http.port", "8080");
    d.put("painguard.http.tokens", "");
    d.put("painguard.http.sse-heartbeat", "15s");
    d.put("painguard.http.sse-replay", "50");
    d.put("painguard.http.sse-max-clients", "200");
    d.put("painguard.http.forward-timeout", "5s");
    d.put("painguard.startup.timeout", "10s");
    d.put("painguard.startup.create-topics", "true");
    d.put("painguard.shutdown.timeout", "30s");
    d.put("painguard.log.format", "text");
    return Map.copyOf(d);
  }

  /**
   * Reads the settings; an unknown {@code painguard.*} key (a typo, most likely) is refused.
   *
   * @throws ConfigException with one sentence naming the key
   */
  public static RuntimeSettings from(AppConfig config) {
    for (String key : config.family("painguard.").keySet()) {
      if (!DEFAULTS.containsKey(key) && OTHER_FAMILIES.stream().noneMatch(key::startsWith)) {
        throw new ConfigException(
            "Unknown setting '"
                + key
                + "': painguard settings are painguard.rules.*, painguard.topics.*,"
                + " painguard.topology.*, painguard.health.*, painguard.serde.* or one of "
                + String.join(", ", new java.util.TreeSet<>(DEFAULTS.keySet()))
                + ".");
      }
    }
    String host = value(config, "painguard.http.host");
    if (host.isBlank()) {
      throw new ConfigException("painguard.http.host is empty: name an interface such as 0.0.0.0.");
    }
    return new RuntimeSettings(
        host,
        config.httpPort(),
        value(config, "painguard.http.tokens"),
        duration(config, "painguard.http.sse-heartbeat", Duration.ofSeconds(1)),
        integer(config, "painguard.http.sse-replay", 0, 1000),
        integer(config, "painguard.http.sse-max-clients", 1, 10_000),
        duration(config, "painguard.http.forward-timeout", Duration.ofMillis(100)),
        duration(config, "painguard.startup.timeout", Duration.ofSeconds(1)),
        bool(config, "painguard.startup.create-topics"),
        duration(config, "painguard.shutdown.timeout", Duration.ofSeconds(1)),
        LogFormat.parse("painguard.log.format", value(config, "painguard.log.format")));
  }

  private static String value(AppConfig config, String key) {
    String v = config.get(key);
    return v.isEmpty() ? DEFAULTS.get(key) : v.trim();
  }

  private static Duration duration(AppConfig config, String key, Duration min) {
    String raw = value(config, key);
    Duration d;
    try {
      d = Durations.parse(raw);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + " is '" + raw + "'; it must be a duration such as 500ms, 15s or 2m.");
    }
    if (d.compareTo(min) < 0) {
      throw new ConfigException(key + " is " + raw + "; it must be at least " + Durations.format(min) + ".");
    }
    return d;
  }

  private static int integer(AppConfig config, String key, int min, int max) {
    String raw = value(config, key);
    try {
      int v = Integer.parseInt(raw);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the one-sentence refusal
    }
    throw new ConfigException(
        key + " is '" + raw + "'; it must be a whole number from " + min + " to " + max + ".");
  }

  private static boolean bool(AppConfig config, String key) {
    String raw = value(config, key);
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new ConfigException(key + " is '" + raw + "'; it must be true or false.");
  }

  @Override
  public String toString() {
    // The tokens are secrets: never part of a dump.
    return "RuntimeSettings[httpHost=" + httpHost + ", httpPort=" + httpPort + ", tokens="
        + (httpTokens.isBlank() ? "none" : io.painguard.redaction.Redaction.MASK) + ", sseHeartbeat=" + sseHeartbeat
        + ", sseReplay=" + sseReplay + ", sseMaxClients=" + sseMaxClients + ", forwardTimeout=" + forwardTimeout + ", startupTimeout="
        + startupTimeout + ", createTopics=" + createTopics + ", shutdownTimeout=" + shutdownTimeout
        + ", logFormat=" + logFormat + "]";
  }
}
