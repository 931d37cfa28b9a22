package io.painguard.simulator.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Line numbers of the fields of a YAML document by JSON pointer ({@code /athletes/0/id}), so that
 * checks made after binding can still say which line is wrong.
 */
final class LocationIndex {

  private final Map<String, Integer> lines = new HashMap<>();

  private LocationIndex() {}

  /** Indexes what it can; a syntax error just ends the index (the binder reports it). */
  static LocationIndex of(JsonFactory factory, String text) {
    LocationIndex index = new LocationIndex();
    try (JsonParser p = factory.createParser(text)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        JsonStreamContext ctx = p.getParsingContext();
        int line = p.currentTokenLocation().getLineNr();
        if (token == JsonToken.FIELD_NAME || (ctx.inArray() && token.isScalarValue())) {
          index.lines.putIfAbsent(ctx.pathAsPointer().toString(), line);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Nothing to add: the binding step reports syntax errors with their own location.
    }
    return index;
  }

  /**
   * The line of a pointer: its own, else the first line inside it (an array element's first
   * field), else its parent's; 0 when nothing is known.
   */
  int lineOf(String pointer) {
    String p = pointer;
    while (true) {
      Integer exact = lines.get(p);
      if (exact != null) {
        return exact;
      }
      String prefix = p + "/";
      int first = Integer.MAX_VALUE;
      for (Map.Entry<String, Integer> e : lines.entrySet()) {
        if (e.getKey().startsWith(prefix) && e.getValue() < first) {
          first = e.getValue();
        }
      }
      if (first != Integer.MAX_VALUE) {
        return first;
      }
      int slash = p.lastIndexOf('/');
      if (slash <= 0) {
        return 0;
      }
      p = p.substring(0, slash);
    }
  }

  /** {@code /athletes/0/painReports/1/level} -> {@code athletes[0].painReports[1].level}. */
  static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (segment.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(segment).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return sb.toString();
  }
}
