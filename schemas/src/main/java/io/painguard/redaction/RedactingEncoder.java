package io.painguard.redaction;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's pattern encoder with every finished line -- message, exception and stack trace, thread
 * name -- passed through {@link Redaction#text}. The logging configurations of the app, the
 * simulator, the stack and {@code ./painguard} use it in place of the plain {@code <encoder>}, so
 * that what Kafka, Jetty or a library prints is covered as well as our own lines:
 *
 * <pre>{@code
 * <encoder class="io.painguard.redaction.RedactingEncoder">
 *   <pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern>
 * </encoder>
 * }</pre>
 */
public class RedactingEncoder extends PatternLayoutEncoder {

  /** The pattern layout, with its output redacted. */
  static final class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
      return Redaction.text(super.doLayout(event));
    }
  }

  @Override
  public void start() {
    super.start(); // checks the pattern and starts the encoder with a plain layout ...
    RedactingLayout redacting = new RedactingLayout(); // ... which is replaced by the same, redacted
    redacting.setContext(context);
    redacting.setPattern(getPattern());
    redacting.setOutputPatternAsHeader(outputPatternAsHeader);
    redacting.start();
    this.layout = redacting;
  }
}
