package io.tabula.engine.demo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.tabula.masking.log.MaskingAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the demo's logs to a file instead of the terminal, so they do not run through the
 * softphone's conversation. The file appender is attached inside the masking appender, like every
 * output of the shipped configuration, so what reaches the file is masked.
 */
public final class DemoLogFile {

  private static final String PATTERN =
      "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%X{tenant:--} %X{call:--}] %logger{30} - %msg%n";

  private DemoLogFile() {}

  /**
   * Redirects the masked output to {@code file}.
   *
   * @return false when the logging configuration has no masking appender (then nothing changes)
   */
  public static boolean redirectTo(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return false;
    }
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    if (!(root.getAppender("masked") instanceof MaskingAppender masked)) {
      return false;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("demo-file");
    appender.setFile(file.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    masked.detachAndStopAllAppenders();
    masked.addAppender(appender);
    return true;
  }
}
