package dev.swiftbolt.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.swiftbolt.config.LogFormat;
import org.slf4j.LoggerFactory;

/**
 * Switches the stderr appender of {@code logback.xml} to the format {@code SWIFTBOLT_LOG_FORMAT}
 * asks for, before a command logs anything. Text stays as configured in {@code logback.xml}.
 */
final class LogOutput {

  /** The name of the stderr appender in {@code logback.xml}. */
  static final String APPENDER = "STDERR";

  private LogOutput() {}

  /** Applies {@code format} to the stderr appender; not thread-safe, called once at start. */
  static void apply(LogFormat format) {
    if (format != LogFormat.JSON) {
      return;
    }
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console)) {
      throw new IllegalStateException("logback.xml has no console appender named " + APPENDER);
    }
    console.stop();
    console.setEncoder(jsonEncoder(root.getLoggerContext()));
    console.start();
  }

  /**
   * logback's JSON encoder with the fields a log shipper needs: timestamp (epoch ms), level,
   * logger, thread, the formatted message, MDC and throwable; no sequence number, nanoseconds,
   * logger-context properties or raw arguments.
   */
  static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
    JsonEncoder encoder = new JsonEncoder();
    encoder.setContext(context);
    encoder.setWithSequenceNumber(false);
    encoder.setWithNanoseconds(false);
    encoder.setWithContext(false);
    encoder.setWithMessage(false);
    encoder.setWithArguments(false);
    encoder.setWithFormattedMessage(true);
    encoder.start();
    return encoder;
  }
}
