package io.painguard.runtime;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.painguard.redaction.RedactingJsonEncoder;
import io.painguard.runtime.config.LogFormat;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * Puts {@code painguard.log.format} into effect. Logback reads its configuration file before the
 * app reads its settings, so JSON is switched on here, once the settings are known and before the
 * app logs its first line: every appender that writes to a stream (the console appender of the
 * app's {@code logback.xml} and of {@code ./painguard}'s) gets a {@link RedactingJsonEncoder} in
 * place of its text encoder. Text needs nothing: it is what the files configure.
 */
final class LogOutput {

  private LogOutput() {}

  /**
   * Switches the process's logging to {@code format}.
   *
   * @return true when lines are now written as JSON
   */
  static boolean use(LogFormat format) {
    return LoggerFactory.getILoggerFactory() instanceof LoggerContext context && use(format, context);
  }

  static boolean use(LogFormat format, LoggerContext context) {
    if (format != LogFormat.JSON) {
      return false;
    }
    boolean switched = false;
    for (Logger logger : context.getLoggerList()) {
      for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
        if (it.next() instanceof OutputStreamAppender<ILoggingEvent> stream) {
          switched |= json(stream, context);
        }
      }
    }
    return switched;
  }

  private static boolean json(OutputStreamAppender<ILoggingEvent> stream, LoggerContext context) {
    Encoder<ILoggingEvent> text = stream.getEncoder();
    if (!(text instanceof RedactingJsonEncoder)) {
      RedactingJsonEncoder json = new RedactingJsonEncoder();
      json.setContext(context);
      json.start();
      stream.setEncoder(json);
      if (text != null) {
        text.stop();
      }
    }
    return true;
  }
}
