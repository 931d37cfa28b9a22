package io.painguard.runtime.config;

import java.util.Locale;

/** How the app writes its log lines ({@code painguard.log.format}). */
public enum LogFormat {
  /** One readable line per event: time, level, logger, message. The default. */
  TEXT,
  /** One JSON object per line, for log collectors (see {@code io.painguard.redaction.RedactingJsonEncoder}). */
  JSON;

  /**
   * @throws ConfigException when {@code raw} is neither {@code text} nor {@code json}
   */
  static LogFormat parse(String key, String raw) {
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key + " is '" + raw + "'; it must be text or json.");
    }
  }
}
