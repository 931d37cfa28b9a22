package io.painguard.redaction;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Logback's own JSON Lines encoder with every string in it passed through {@link Redaction#text}:
 * one object per line, for log collectors.
 *
 * <pre>{@code
 * {"timestamp":1767261600000,"level":"INFO","threadName":"main","loggerName":"io.painguard.runtime.PainGuardApp",
 *  "message":"PainGuard started: ...","mdc":{},"throwable":null}
 * }</pre>
 *
 * <p>{@code message} is the finished message (logback calls it {@code formattedMessage}; its own
 * {@code message}, the pattern with {@code {}} placeholders, and the separate {@code arguments} are
 * left out). A throwable is an object with {@code className}, {@code message}, {@code stepArray}
 * and {@code cause}. Logback's context block (the same on every line) and its sequence numbers
 * and nanoseconds are left out too.
 *
 * <p>The redaction runs on the values, after logback has built the line and before it is written:
 * run on the finished text, as {@link RedactingEncoder} does, a rule would meet JSON's escaped
 * quotes ({@code password=\"...\"}) and could cut a line in two. Walking every string of the
 * object, not a list of fields, also covers a throwable's causes, MDC values and whatever field a
 * later logback adds.
 */
public class RedactingJsonEncoder extends JsonEncoder {

  private static final ObjectMapper JSON = new ObjectMapper();

  public RedactingJsonEncoder() {
    setWithSequenceNumber(false);
    setWithNanoseconds(false);
    setWithContext(false);
    setWithMessage(false);
    setWithArguments(false);
    setWithFormattedMessage(true);
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] built = super.encode(event);
    try {
      JsonNode line = JSON.readTree(built);
      if (line instanceof ObjectNode object) {
        redact(object);
        return line(messageAfterLogger(object));
      }
    } catch (IOException e) {
      // logback writes logger names unescaped: a strange one would make the line unreadable
    }
    return fallback(event);
  }

  /** A line of our own with what matters, when logback's could not be read back. */
  private static byte[] fallback(ILoggingEvent event) {
    ObjectNode line = JSON.createObjectNode();
    line.put(TIMESTAMP_ATTR_NAME, event.getTimeStamp());
    line.put(LEVEL_ATTR_NAME, String.valueOf(event.getLevel()));
    line.put(LOGGER_ATTR_NAME, Redaction.text(event.getLoggerName()));
    line.put(MESSAGE_ATTR_NAME, Redaction.text(event.getFormattedMessage()));
    try {
      return line(line);
    } catch (JsonProcessingException e) {
      return ("{\"level\":\"ERROR\",\"message\":\"a log line could not be written as JSON\"}\n")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The line with the finished message as {@code message}, right after the logger's name. */
  private static ObjectNode messageAfterLogger(ObjectNode built) {
    JsonNode message = built.remove(FORMATTED_MESSAGE_ATTR_NAME);
    ObjectNode line = JSON.createObjectNode();
    built.properties().forEach(
        field -> {
          line.set(field.getKey(), field.getValue());
          if (field.getKey().equals(LOGGER_ATTR_NAME) && message != null) {
            line.set(MESSAGE_ATTR_NAME, message);
          }
        });
    if (message != null && !line.has(MESSAGE_ATTR_NAME)) {
      line.set(MESSAGE_ATTR_NAME, message);
    }
    return line;
  }

  private static void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
        if (field.getValue().isTextual()) {
          object.put(field.getKey(), Redaction.text(field.getValue().textValue()));
        } else {
          redact(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isTextual()) {
          array.set(i, TextNode.valueOf(Redaction.text(value.textValue())));
        } else {
          redact(value);
        }
      }
    }
  }

  private static byte[] line(ObjectNode object) throws JsonProcessingException {
    return (JSON.writeValueAsString(object) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
