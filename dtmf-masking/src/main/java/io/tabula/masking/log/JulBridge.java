package io.tabula.masking.log;

import ch.qos.logback.classic.jul.LevelChangePropagator;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} (the PostgreSQL JDBC driver logs there) into SLF4J, and so
 * through the masking layer, and keeps JUL's levels in step with Logback's so that disabled levels
 * cost nothing. Declared once in the Logback configuration:
 *
 * <pre>{@code
 * <contextListener class="io.tabula.masking.log.JulBridge"/>
 * }</pre>
 */
public final class JulBridge extends LevelChangePropagator {

  public JulBridge() {
    setResetJUL(true);
  }

  @Override
  public void start() {
    // JUL's own console handler on the root logger would print unmasked records to stderr.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    super.start();
  }
}
