package io.painguard.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.painguard.simulator.scenario.ScenarioValidator.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads scenario YAML. Every error is a {@link ScenarioException} whose message names the file,
 * the line and the field: binding errors from Jackson's own locations, later checks through a
 * {@link LocationIndex} of the document.
 */
public final class ScenarioParser {

  private static final YAMLMapper MAPPER =
      YAMLMapper.builder()
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .addModule(ScenarioValueDeserializers.module())
          .build();

  private ScenarioParser() {}

  /** Parses a file; its name without extension is the scenario's default name. */
  public static Scenario parseFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioException("Scenario file " + file + " does not exist.");
    } catch (IOException e) {
      throw new ScenarioException("Cannot read scenario file " + file + ": " + e.getMessage());
    }
    return parse(file.toString(), baseName(file.getFileName().toString()), text);
  }

  /**
   * Parses YAML text.
   *
   * @param source how errors name the origin (a path, or "scenario 'demo'")
   * @param defaultName the name used when the file has no {@code name}
   */
  public static Scenario parse(String source, String defaultName, String yaml) {
    if (yaml.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---"))) {
      throw new ScenarioException(source, 0, "", "the file is empty; a scenario needs at least 'athletes'");
    }
    Scenario scenario;
    try {
      scenario = MAPPER.readValue(yaml, Scenario.class);
    } catch (JsonProcessingException e) {
      throw translate(source, yaml, e);
    }
    if (scenario == null) {
      throw new ScenarioException(source, 0, "", "the file is empty; a scenario needs at least 'athletes'");
    }
    if (scenario.name() == null || scenario.name().isBlank()) {
      scenario = scenario.withName(defaultName);
    }
    List<Problem> problems = ScenarioValidator.validate(scenario);
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      LocationIndex index = LocationIndex.of(MAPPER.getFactory(), yaml);
      String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
      throw new ScenarioException(
          source, index.lineOf(first.pointer()), LocationIndex.dotted(first.pointer()), first.message() + more);
    }
    return scenario;
  }

  static YAMLFactory factory() {
    return MAPPER.getFactory();
  }

  private static ScenarioException translate(String source, String yaml, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    int line = location == null ? 0 : location.getLineNr();
    String field = "";
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = dottedPath(m.getPath());
      // Jackson's YAML location is where the parser stopped, often the next line; the index knows
      // the line the field itself is on.
      int indexed = LocationIndex.of(MAPPER.getFactory(), yaml).lineOf(pointer(m.getPath()));
      if (indexed > 0) {
        line = indexed;
      }
    }
    return new ScenarioException(source, Math.max(line, 0), field, reason(e));
  }

  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        sb.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        sb.append('/').append(ref.getIndex());
      }
    }
    return sb.toString();
  }

  private static String reason(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      String list = known == null ? "" : " (known: " + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
      return "unknown field '" + u.getPropertyName() + "'" + list;
    }
    if (e instanceof InvalidFormatException f) {
      Class<?> target = f.getTargetType();
      if (target != null && target.isEnum()) {
        String allowed = Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        return "'" + f.getValue() + "' is not one of " + allowed;
      }
      if (f.getCause() instanceof IllegalArgumentException iae) {
        return iae.getMessage();
      }
      if (target != null && (target.getPackageName().equals(ScenarioParser.class.getPackageName()) || target == Duration.class)) {
        return f.getOriginalMessage();
      }
      return "'" + f.getValue() + "' is not " + describe(target);
    }
    if (e instanceof ValueInstantiationException v && v.getCause() != null) {
      Throwable root = v.getCause();
      return root.getMessage() != null ? root.getMessage() : root.toString();
    }
    if (e instanceof MismatchedInputException m) {
      return "expected " + describe(m.getTargetType());
    }
    if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
      return iae.getMessage();
    }
    String original = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    String firstLine = original.lines().findFirst().orElse(original).trim();
    return "YAML syntax error: " + firstLine;
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "a different kind of value";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }
    if (type == Duration.class) {
      return "a duration like 90s, 5m, 1h30m or PT5M";
    }
    return "a mapping of fields (key: value lines)";
  }

  private static String dottedPath(List<JsonMappingException.Reference> path) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
