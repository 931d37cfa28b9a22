package io.painguard.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The encoder as a logging configuration names it, in a real logback context. */
class RedactingEncoderTest {

  @AfterEach
  void forget() {
    KnownSecrets.forgetAll();
  }

  @Test
  void messagesAndStackTracesAreRedactedInTheFinishedLine() throws Exception {
    KnownSecrets.remember("remembered-Pa55");
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
              <encoder class="io.painguard.redaction.RedactingEncoder">
                <pattern>%level %logger - %msg%n</pattern>
              </encoder>
            </appender>
            <root level="INFO"><appender-ref ref="OUT"/></root>
          </configuration>
          """.getBytes(StandardCharsets.UTF_8)));
      Logger log = context.getLogger("test");
      log.info("registry at {}", "https://user:url-Pa55@registry:8081");
      log.warn("request failed", new IllegalStateException("token=query-Pa55 refused; remembered-Pa55"));
    } finally {
      context.stop();
      System.setOut(stdout);
    }

    String out = captured.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("INFO test - registry at https://registry:8081")
        .contains("java.lang.IllegalStateException: token=[hidden] refused; [hidden]")
        .contains("at io.painguard.redaction.RedactingEncoderTest")
        .doesNotContain("url-Pa55", "query-Pa55", "remembered-Pa55");
  }
}
