package io.painguard.simulator.scenario;

import io.painguard.text.Durations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;

/** Reads the scenario file's own value types; bad values fail at their own line. */
final class ScenarioValueDeserializers {

  private ScenarioValueDeserializers() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("painguard-scenario");
    module.addDeserializer(Duration.class, new DurationDeserializer());
    module.addDeserializer(StartTime.class, new StartTimeDeserializer());
    module.addDeserializer(Intensity.class, new IntensityDeserializer());
    return module;
  }

  static final class DurationDeserializer extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      if (text == null) {
        throw InvalidFormatException.from(
            p, "expected a duration like 90s, 5m, 1h30m or PT5M", p.currentToken(), Duration.class);
      }
      try {
        return Durations.parseOrSeconds(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, e.getMessage(), text, Duration.class);
      }
    }
  }

  static final class StartTimeDeserializer extends JsonDeserializer<StartTime> {
    @Override
    public StartTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return StartTime.parse(text);
      } catch (IllegalArgumentException e) {
        throw InvalidFormatException.from(p, e.getMessage(), text, StartTime.class);
      }
    }
  }

  /** {@code 70}, {@code "70%"} or {@code {from: 50, to: 85}}. */
  static final class IntensityDeserializer extends JsonDeserializer<Intensity> {
    private static final String EXPECTED =
        "intensity is a percentage of heart-rate reserve: a number such as 70, or a ramp {from: 50, to: 85}";

    @Override
    public Intensity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token.isNumeric()) {
        return Intensity.constant(p.getDoubleValue());
      }
      if (token == JsonToken.VALUE_STRING) {
        return Intensity.constant(percent(p, p.getText()));
      }
      if (token == JsonToken.START_OBJECT) {
        Double from = null;
        Double to = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          double value = p.currentToken().isNumeric() ? p.getDoubleValue() : percent(p, p.getText());
          switch (field) {
            case "from" -> from = value;
            case "to" -> to = value;
            default -> throw InvalidFormatException.from(
                p, "unknown field '" + field + "' in intensity (known: from, to)", field, Intensity.class);
          }
        }
        if (from == null || to == null) {
          throw InvalidFormatException.from(p, "an intensity ramp needs both 'from' and 'to'", null, Intensity.class);
        }
        return new Intensity(from, to);
      }
      throw InvalidFormatException.from(p, EXPECTED, p.getText(), Intensity.class);
    }

    private static double percent(JsonParser p, String text) throws IOException {
      String t = text == null ? "" : text.trim();
      if (t.endsWith("%")) {
        t = t.substring(0, t.length() - 1).trim();
      }
      try {
        return Double.parseDouble(t);
      } catch (NumberFormatException e) {
        throw InvalidFormatException.from(p, EXPECTED, text, Intensity.class);
      }
    }
  }
}
