package io.painguard.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON encoder as a logging configuration names it, in a real logback context. */
class RedactingJsonEncoderTest {

  private static final String[] SECRETS = {"url-Pa55", "query-Pa55", "remembered-Pa55", "quoted-Pa55", "cause-Pa55", "mdc-Pa55"};
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void forget() {
    KnownSecrets.forgetAll();
  }

  @Test
  void everyLineIsOneJsonObjectWithLevelLoggerAndTheFinishedMessage() throws Exception {
    // Given a console appender with the encoder, When two lines are logged
    List<JsonNode> lines =
        log(
            context -> {
              Logger log = context.getLogger("io.painguard.Example");
              log.info("athlete {} at pain {}", "ana", 6);
              log.warn("a \"quoted\" word,\na second line\tand a tab");
            });

    // Then each is one object, the message formatted, the pattern and arguments left out
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
    assertThat(lines.get(0).get("loggerName").asText()).isEqualTo("io.painguard.Example");
    assertThat(lines.get(0).get("message").asText()).isEqualTo("athlete ana at pain 6");
    assertThat(lines.get(0).get("timestamp").asLong()).isPositive();
    assertThat(lines.get(0).has("threadName")).isTrue();
    assertThat(lines.get(0).has("arguments")).isFalse();
    assertThat(lines.get(0).has("formattedMessage")).isFalse();
    assertThat(lines.get(0).has("context")).isFalse();
    assertThat(lines.get(1).get("message").asText()).isEqualTo("a \"quoted\" word,\na second line\tand a tab");
    assertThat(lines.get(0).properties().stream().map(Map.Entry::getKey).toList())
        .as("message right after the logger's name, for people reading the raw lines")
        .containsSubsequence("level", "loggerName", "message");
  }

  @Test
  void secretsAreHiddenInMessagesThrowablesCausesAndMdc() throws Exception {
    // Given a remembered secret, When lines carry it and credential shapes in every field
    KnownSecrets.remember("remembered-Pa55");
    List<JsonNode> lines =
        log(
            context -> {
              Logger log = context.getLogger("test");
              log.info("registry at {}", "https://user:url-Pa55@registry:8081");
              log.info("jaas: password=\"quoted-Pa55\"; and remembered-Pa55");
              context.getMDCAdapter().put("request", "GET /api/alerts/stream?access_token=query-Pa55");
              log.warn(
                  "request failed",
                  new IllegalStateException("refused", new RuntimeException("token=cause-Pa55; retry")));
              context.getMDCAdapter().put("user", "password=mdc-Pa55");
              log.error("with context");
            });

    // Then every line still parses, and no secret is in any of them
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).get("message").asText()).isEqualTo("registry at https://registry:8081");
    assertThat(lines.get(1).get("message").asText()).isEqualTo("jaas: password=\"[hidden]\"; and [hidden]");
    JsonNode throwable = lines.get(2).get("throwable");
    assertThat(throwable.get("className").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(throwable.at("/cause/message").asText()).startsWith("token=[hidden];");
    assertThat(throwable.get("stepArray").size()).isPositive();
    assertThat(lines.get(2).at("/mdc/request").asText()).isEqualTo("GET /api/alerts/stream?access_token=[hidden]");
    assertThat(lines.get(3).at("/mdc/user").asText()).isEqualTo("password=[hidden]");
    String all = lines.toString();
    assertThat(all).doesNotContain(SECRETS);
  }

  @Test
  void aLoggerNameLogbackCannotEscapeStillGivesAJsonLine() throws Exception {
    // Given a logger whose name holds a quote (logback writes logger names unescaped)
    KnownSecrets.remember("remembered-Pa55");

    // When it logs a secret
    List<JsonNode> lines =
        log(context -> context.getLogger("odd\"name").info("secret remembered-Pa55 here"));

    // Then the line is still JSON, with the message redacted
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("loggerName").asText()).isEqualTo("odd\"name");
    assertThat(lines.get(0).get("level").asText()).isEqualTo("INFO");
    assertThat(lines.get(0).get("message").asText()).isEqualTo("secret [hidden] here");
  }

  /** What {@code logging} wrote through the encoder, one parsed object per line. */
  private List<JsonNode> log(Consumer<LoggerContext> logging) throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(new ByteArrayInputStream("""
          <configuration>
            <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
              <encoder class="io.painguard.redaction.RedactingJsonEncoder"/>
            </appender>
            <root level="INFO"><appender-ref ref="OUT"/></root>
          </configuration>
          """.getBytes(StandardCharsets.UTF_8)));
      logging.accept(context);
    } finally {
      context.stop();
      System.setOut(stdout);
    }
    List<JsonNode> lines = new ArrayList<>();
    for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(json.readTree(line)); // throws when a line is not JSON
    }
    return lines;
  }
}
