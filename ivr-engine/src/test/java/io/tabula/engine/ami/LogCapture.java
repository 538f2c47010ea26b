package io.tabula.engine.ami;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event of the JVM (root logger) while open. */
final class LogCapture implements AutoCloseable {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;

  LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  /** Lets {@code name} log at {@code level} (for example Asterisk-Java at DEBUG). */
  static void setLevel(String name, Level level) {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(name).setLevel(level);
  }

  /** Every captured message with its logger name, arguments and stack traces, one string each. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      StringBuilder sb =
          new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        sb.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
      }
      out.add(sb.toString());
    }
    return out;
  }

  /** The messages of captured events that carry a stack trace. */
  List<String> withStackTrace() {
    List<String> out = new ArrayList<>();
    for (ILoggingEvent e : List.copyOf(appender.list)) {
      if (e.getThrowableProxy() != null) {
        out.add(e.getLoggerName() + " " + e.getFormattedMessage());
      }
    }
    return out;
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
