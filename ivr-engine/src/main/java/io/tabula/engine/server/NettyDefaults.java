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
 *
 * <p>{@code io.netty.leakDetection.trackClose} off: the leak detector stays at Netty's default
 * level ({@code simple}: one buffer in 128 is tracked, and a tracked buffer that is collected
 * unreleased is reported as before), but no longer fills a second stack trace when a tracked buffer
 * is released. That trace only says where a buffer was released when it is used afterwards, which
 * the buffer's reference count refuses anyway; filling it cost 0.7-1.1 % of the event loop's CPU at
 * 10,000 calls, a third of the detector's stack traces (docs/engine.md, "The event loop's
 * wake-up").
 *
 * <p>{@code io.netty.leakDetection.samplingInterval} 1024, not Netty's 128: the detector stays at
 * its level and fills a stack trace for each buffer it tracks, but tracks one in 1,024. On io_uring
 * reads take pooled buffers, and so does a command written while the loop's write buffer is still
 * held by an earlier write the ring has not reported sent; at 10,000 calls those traces were
 * 0.9-1.2 % of the event loop's CPU (docs/engine.md, "Where the engine's CPU goes beyond the
 * floor's"). A buffer that leaks on every call is still reported, after about a thousand calls
 * instead of about a hundred and thirty; the tests run the detector at {@code paranoid}, every
 * buffer tracked.
 */
public final class NettyDefaults {

  static final String REFLECTIVE_SELECTOR = "io.netty.tryReflectionSetAccessible";
  static final String LEAK_CLOSE_TRACES = "io.netty.leakDetection.trackClose";
  static final String LEAK_SAMPLING = "io.netty.leakDetection.samplingInterval";

  private NettyDefaults() {}

  /** Call first thing in {@code main}: Netty reads these once, when its classes load. */
  public static void apply() {
    setUnlessChosen(REFLECTIVE_SELECTOR, "true");
    setUnlessChosen(LEAK_CLOSE_TRACES, "false");
    setUnlessChosen(LEAK_SAMPLING, "1024");
  }

  private static void setUnlessChosen(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
