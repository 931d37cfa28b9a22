package io.painguard.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as the tests read it: services, their environment with {@code ${VAR:-default}}
 * taken at its default, their named-volume mounts and durations in Compose's notation.
 */
final class ComposeFile {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");
  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");

  private final JsonNode root;

  private ComposeFile(JsonNode root) {
    this.root = root;
  }

  static ComposeFile read() {
    try {
      return new ComposeFile(new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode services() {
    return root.get("services");
  }

  JsonNode service(String name) {
    return services().get(name);
  }

  /** The service's environment, a {@code ${VAR:-default}} value taken as its default. */
  Map<String, String> environment(String service) {
    Map<String, String> environment = new LinkedHashMap<>();
    service(service).path("environment").fields().forEachRemaining(e -> {
      Matcher defaulted = DEFAULTED.matcher(e.getValue().asText());
      environment.put(e.getKey(), defaulted.matches() ? defaulted.group(1) : e.getValue().asText());
    });
    return environment;
  }

  String env(String service, String name) {
    String value = environment(service).get(name);
    if (value == null) {
      throw new AssertionError(service + " sets no " + name + " in docker-compose.yml");
    }
    return value;
  }

  /** Where the service mounts a volume declared under the top-level {@code volumes:}. */
  List<Path> namedVolumeMounts(String service) {
    List<Path> mounts = new ArrayList<>();
    for (JsonNode volume : service(service).path("volumes")) {
      String[] parts = volume.asText().split(":");
      if (parts.length >= 2 && root.path("volumes").has(parts[0])) {
        mounts.add(Path.of(parts[1]));
      }
    }
    return mounts;
  }

  /** True when the path is a named-volume mount of the service, or lies inside one. */
  boolean onNamedVolume(String service, String path) {
    Path normalized = Path.of(path).normalize();
    return namedVolumeMounts(service).stream().anyMatch(normalized::startsWith);
  }

  /** A duration written as Compose writes them: {@code 45s}, {@code 1m30s}, {@code 500ms}. */
  static Duration duration(String text) {
    Matcher part = DURATION_PART.matcher(text.trim());
    Duration total = Duration.ZERO;
    int end = 0;
    while (part.find() && part.start() == end) {
      long amount = Long.parseLong(part.group(1));
      total = total.plus(switch (part.group(2)) {
        case "h" -> Duration.ofHours(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "s" -> Duration.ofSeconds(amount);
        default -> Duration.ofMillis(amount);
      });
      end = part.end();
    }
    if (end == 0 || end != text.trim().length()) {
      throw new IllegalArgumentException("'" + text + "' is not a Compose duration such as 45s or 1m30s");
    }
    return total;
  }
}
