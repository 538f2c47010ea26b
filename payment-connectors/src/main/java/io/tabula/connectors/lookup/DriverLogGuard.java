package io.tabula.connectors.lookup;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps pgjdbc's java.util.logging logger above FINEST. At FINEST pgjdbc logs every Bind message
 * with its parameter values, which would put ticket numbers (and, rendered as hex, secret fields)
 * into the log. The reference is kept so the level is not lost when the logger is collected.
 */
final class DriverLogGuard {

  private static final Logger PGJDBC = Logger.getLogger("org.postgresql");

  private DriverLogGuard() {}

  static void apply() {
    Level level = PGJDBC.getLevel();
    if (level == null || level.intValue() < Level.FINE.intValue()) {
      PGJDBC.setLevel(Level.INFO);
    }
  }
}
