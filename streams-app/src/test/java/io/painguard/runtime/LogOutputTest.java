package io.painguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.painguard.redaction.KnownSecrets;
import io.painguard.runtime.config.LogFormat;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** The switch to JSON, on a logback context configured by the app's own shipped logback.xml. */
class LogOutputTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void jsonTurnsEveryLineOfTheShippedConfigurationIntoARedactedJsonObject() throws Exception {
    // Given the app's logback.xml and a secret the app was configured with (remembered for the
    // whole test JVM, as AppConfig does; the value is used nowhere else)
    KnownSecrets.remember("token-Pa55-it");

    // When JSON is switched on and the app and Kafka log
    String err =
        logWithShippedConfiguration(
            (context, switched) -> {
              assertThat(switched).isTrue();
              context.getLogger("io.painguard.runtime.PainGuardApp")
                  .info("Starting PainGuard with {}", "{painguard.http.tokens=token-Pa55-it=admin}");
              context.getLogger("org.apache.kafka.clients.NetworkClient").error("broker at sasl://u:url-Pa55@b:9093");
            },
            LogFormat.JSON);

    // Then each line is a JSON object with level, logger and message, and no secret
    assertThat(err.lines()).hasSize(2);
    JsonNode first = json.readTree(err.lines().findFirst().orElseThrow());
    assertThat(first.get("level").asText()).isEqualTo("INFO");
    assertThat(first.get("loggerName").asText()).isEqualTo("io.painguard.runtime.PainGuardApp");
    assertThat(first.get("message").asText()).isEqualTo("Starting PainGuard with {painguard.http.tokens=[hidden]=admin}");
    JsonNode second = json.readTree(err.lines().skip(1).findFirst().orElseThrow());
    assertThat(second.get("level").asText()).isEqualTo("ERROR");
    assertThat(second.get("message").asText()).isEqualTo("broker at sasl://b:9093");
    assertThat(err).doesNotContain("token-Pa55-it", "url-Pa55");
  }

  @Test
  void textLeavesTheConfiguredPatternAlone() throws Exception {
    // Given the app's logback.xml, When text is asked for and a line logged
    String err =
        logWithShippedConfiguration(
            (context, switched) -> {
              assertThat(switched).isFalse();
              context.getLogger("io.painguard.runtime.PainGuardApp").info("PainGuard stopped");
            },
            LogFormat.TEXT);

    // Then it is the pattern's line
    assertThat(err.strip()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  io\\.painguard\\.runtime\\.PainGuardApp - PainGuard stopped");
  }

  /** What the app's logback.xml writes to stderr once {@code format} is applied. */
  private static String logWithShippedConfiguration(BiConsumer<LoggerContext, Boolean> logging, LogFormat format)
      throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stderr = System.err;
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try (InputStream shipped = LogOutput.class.getResourceAsStream("/logback.xml")) {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(shipped);
      logging.accept(context, LogOutput.use(format, context));
    } finally {
      context.stop();
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
