package io.painguard.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads settings from the places a deployment puts them, each overriding the one before: a
 * properties file, then environment variables, then command-line flags.
 *
 * <p>Environment variables map to keys by dropping the {@code PAINGUARD_} prefix, lower-casing and
 * turning {@code _} into {@code .}: {@code PAINGUARD_KAFKA_BOOTSTRAP_SERVERS} sets {@code
 * kafka.bootstrap.servers}. Kafka's own keys contain no underscores, so the mapping is unambiguous
 * for every client and Streams property.
 */
public final class SettingSources {

  static final String ENV_PREFIX = "PAINGUARD_";

  /**
   * Variables that belong to the {@code ./painguard} script and the config-file lookup, not to
   * settings: {@code PAINGUARD_SKIP_BUILD=1 ./painguard app} must not be refused as an unknown
   * setting {@code painguard.skip.build}.
   */
  static final Set<String> NOT_SETTINGS = Set.of(ENV_PREFIX + "CONFIG", ENV_PREFIX + "SKIP_BUILD");

  private SettingSources() {}

  /** Settings from a properties file; a missing or unreadable file is a configuration error. */
  public static Map<String, String> fromFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("The configuration file " + file + " does not exist.");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("The configuration file " + file + " cannot be read: " + e.getMessage());
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      settings.put(name.trim(), properties.getProperty(name).trim());
    }
    return settings;
  }

  /**
   * Settings from {@code PAINGUARD_*} environment variables, except {@code PAINGUARD_CONFIG} and
   * {@code PAINGUARD_SKIP_BUILD}.
   */
  public static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> settings = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && !NOT_SETTINGS.contains(name)) {
            settings.put(toKey(name), value.trim());
          }
        });
    return settings;
  }

  static String toKey(String environmentVariable) {
    return environmentVariable
        .substring(ENV_PREFIX.length())
        .toLowerCase(Locale.ROOT)
        .replace('_', '.');
  }
}
