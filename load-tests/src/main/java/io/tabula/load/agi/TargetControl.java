package io.tabula.load.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * The side of a target JVM (engine or baseline) that the harness talks to over stdin/stdout: prints
 * {@code READY port=N} once listening, answers {@code stats} with a {@code STATS} line, and stops
 * on {@code quit} or end of input (so a target never outlives its harness).
 *
 * <p>Example: {@code TargetControl.serve(port, () -> 0, server::shutdown)} at the end of a target's
 * main.
 */
public final class TargetControl {

  private TargetControl() {}

  /** Blocks until {@code quit} or EOF on stdin, then runs {@code stop}. */
  public static void serve(int port, LongSupplier offHeapReserved, Runnable stop)
      throws IOException {
    System.out.println("READY port=" + port);
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("stats")) {
          System.out.println(statsLine(offHeapReserved.getAsLong()));
          System.out.flush();
        } else if (line.equals("quit")) {
          break;
        }
      }
    } finally {
      stop.run();
    }
  }

  static String statsLine(long offHeapReserved) {
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        direct = pool.getMemoryUsed();
      }
    }
    return "STATS heapUsed="
        + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
        + " direct="
        + direct
        + " nettyDirect="
        + io.netty.util.internal.PlatformDependent.usedDirectMemory()
        + " offHeapReserved="
        + offHeapReserved
        + " threads="
        + ManagementFactory.getThreadMXBean().getThreadCount()
        + " allocated="
        + allocatedBytes();
  }

  /** Heap bytes allocated by every thread so far, or -1 where the JVM does not count them. */
  private static long allocatedBytes() {
    if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
        && threads.isThreadAllocatedMemorySupported()
        && threads.isThreadAllocatedMemoryEnabled()) {
      return threads.getTotalThreadAllocatedBytes();
    }
    return -1;
  }
}
