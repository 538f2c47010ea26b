package io.tabula.engine.ami;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Asterisk-Java's own logging from printing AMI content.
 *
 * <p>Asterisk-Java logs through SLF4J (its {@code org.asteriskjava.util.LogFactory} picks SLF4J
 * first). At DEBUG its connection prints every dispatched event and response in full ({@code
 * "Dispatching event:\n" + event}), and with {@code -Dorg.asteriskjava.trace=true} its socket class
 * writes every raw line to a file. The first guard is {@link AmiLineSource}, which drops DTMF
 * messages as bytes before Asterisk-Java sees them; this class is the second: it caps the {@code
 * org.asteriskjava} loggers at INFO and clears the trace property, so no other event content (a
 * channel variable, a caller id) is dumped either.
 *
 * <p>Example: {@code AsteriskJavaLogGuard.apply()}; {@link AmiLink#start} calls it.
 */
public final class AsteriskJavaLogGuard {

  static final String TRACE_PROPERTY = "org.asteriskjava.trace";
  static final String LOGGER = "org.asteriskjava";
  private static final Logger log = LoggerFactory.getLogger(AsteriskJavaLogGuard.class);

  private AsteriskJavaLogGuard() {}

  /** Applies both guards; idempotent. */
  public static void apply() {
    if (System.getProperty(TRACE_PROPERTY) != null) {
      System.clearProperty(TRACE_PROPERTY);
      log.warn(
          "Ignoring -D{}: it would write raw AMI/AGI lines to a file. Remove it from the JVM"
              + " options.",
          TRACE_PROPERTY);
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      ch.qos.logback.classic.Logger logger = context.getLogger(LOGGER);
      if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
        logger.setLevel(Level.INFO);
        log.warn(
            "Capped logger {} at INFO: at DEBUG it prints whole AMI events. Debug the AMI link"
                + " through io.tabula.engine.ami instead.",
            LOGGER);
      }
    }
  }
}
