package io.tabula.engine.server;

/**
 * Netty settings the engine wants before any Netty class loads, each left alone when the operator
 * set it with {@code -D}.
 *
 * <p>{@code io.netty.tryReflectionSetAccessible}: lets Netty's NIO selector replace the JDK's
 * {@code HashSet} of ready keys with its own array, so a ready socket no longer allocates a set
 * node and an iterator on every wake-up. It needs {@code java.base/sun.nio.ch} opened, which {@code
 * tabula.jar}'s manifest does ({@code Add-Opens}); without the opening Netty falls back to the
 * JDK's set, as before.
 */
public final class NettyDefaults {

  static final String REFLECTIVE_SELECTOR = "io.netty.tryReflectionSetAccessible";

  private NettyDefaults() {}

  /** Call first thing in {@code main}. */
  public static void apply() {
    if (System.getProperty(REFLECTIVE_SELECTOR) == null) {
      System.setProperty(REFLECTIVE_SELECTOR, "true");
    }
  }
}
