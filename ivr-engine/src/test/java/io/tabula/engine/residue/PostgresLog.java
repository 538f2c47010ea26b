package io.tabula.engine.residue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's server log, as a file. The server runs with {@code
 * logging_collector=off}, so its log is never a file in the data directory: it is the server's
 * standard error, which the embedded launcher reads line by line and logs at DEBUG. This copies
 * those lines verbatim (not through the masking appender, which would hide what we look for) into a
 * file, so the residue scan reads what a database administrator's log would hold.
 *
 * <pre>{@code
 * try (PostgresLog log = PostgresLog.capture(dir.resolve("server.log"))) {
 *   ... start the server, run the calls ...
 * }
 * }</pre>
 */
final class PostgresLog implements AutoCloseable {

  /** The embedded launcher's logger: one event per line of the server's output. */
  private static final String LAUNCHER = "io.tabula.connectors.embedded.ServerProcess";

  private final Path file;
  private final Logger logger;
  private final FileAppender<ILoggingEvent> appender;
  private final Level previousLevel;
  private final boolean previousAdditivity;

  private PostgresLog(Path file, Logger logger, FileAppender<ILoggingEvent> appender) {
    this.file = file;
    this.logger = logger;
    this.appender = appender;
    this.previousLevel = logger.getLevel();
    this.previousAdditivity = logger.isAdditive();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
  }

  static PostgresLog capture(Path file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new IllegalStateException("the residue test needs Logback as the SLF4J binding");
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("residue-postgres-log");
    appender.setFile(file.toString());
    appender.setEncoder(encoder);
    appender.start();
    return new PostgresLog(file, context.getLogger(LAUNCHER), appender);
  }

  /** The file the server's lines are copied to. */
  Path file() {
    return file;
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditivity);
    appender.stop();
  }
}
