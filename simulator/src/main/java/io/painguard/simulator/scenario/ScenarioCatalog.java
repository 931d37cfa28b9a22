package io.painguard.simulator.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenarios shipped in {@code src/main/resources/scenarios/} (listed in its {@code INDEX}),
 * and the lookup {@code --scenario NAME|FILE} uses.
 */
public final class ScenarioCatalog {

  static final String DIRECTORY = "scenarios/";

  private ScenarioCatalog() {}

  /** Names of the shipped scenarios, in INDEX order. */
  public static List<String> names() {
    String index = resource(DIRECTORY + "INDEX");
    if (index == null) {
      throw new IllegalStateException("scenarios/INDEX is missing from the simulator's resources");
    }
    List<String> names = new ArrayList<>();
    for (String line : index.lines().toList()) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        names.add(t);
      }
    }
    return names;
  }

  /** A shipped scenario by name. */
  public static Scenario shipped(String name) {
    String yaml = resource(DIRECTORY + name + ".yaml");
    if (yaml == null) {
      throw new ScenarioException(
          "No shipped scenario is called '" + name + "'; known: " + String.join(", ", names()) + ".");
    }
    return ScenarioParser.parse("scenario '" + name + "'", name, yaml);
  }

  /** A shipped scenario when one has that name, else the file at that path. */
  public static Scenario resolve(String nameOrPath) {
    if (!nameOrPath.contains("/") && !nameOrPath.contains("\\") && names().contains(baseOf(nameOrPath))) {
      return shipped(baseOf(nameOrPath));
    }
    Path file = Path.of(nameOrPath);
    if (!Files.exists(file)) {
      throw new ScenarioException(
          "'" + nameOrPath + "' is neither a shipped scenario (" + String.join(", ", names())
              + ") nor an existing file.");
    }
    return ScenarioParser.parseFile(file);
  }

  private static String baseOf(String name) {
    return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
  }

  private static String resource(String path) {
    try (InputStream in = ScenarioCatalog.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path + " from the simulator's resources", e);
    }
  }
}
