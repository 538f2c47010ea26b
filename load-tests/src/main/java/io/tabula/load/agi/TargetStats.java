package io.tabula.load.agi;

import java.util.HashMap;
import java.util.Map;

/**
 * Memory of a target JVM at one moment: RSS from {@code /proc/<pid>/status} (read by the harness),
 * and heap, direct buffers and threads as the target reports them.
 *
 * @param rssKiB resident set size, KiB
 * @param heapUsed heap in use, bytes
 * @param directUsed NIO direct buffers in use ({@code BufferPoolMXBean "direct"}), bytes
 * @param nettyDirectUsed Netty's own direct-memory counter, bytes (-1 if Netty does not count)
 * @param offHeapReserved other off-heap memory the target reserved on purpose (the engine's call
 *     memory pool), bytes
 * @param threads live threads
 * @param allocatedBytes heap bytes the target's threads allocated since it started ({@code
 *     ThreadMXBean.getTotalThreadAllocatedBytes}: virtual threads count on their carriers), -1 when
 *     the target does not report it
 */
public record TargetStats(
    long rssKiB,
    long heapUsed,
    long directUsed,
    long nettyDirectUsed,
    long offHeapReserved,
    int threads,
    long allocatedBytes) {

  /** Without an allocation figure. */
  public TargetStats(
      long rssKiB,
      long heapUsed,
      long directUsed,
      long nettyDirectUsed,
      long offHeapReserved,
      int threads) {
    this(rssKiB, heapUsed, directUsed, nettyDirectUsed, offHeapReserved, threads, -1);
  }

  /** Parses the target's {@code STATS k=v ...} line and adds the RSS. */
  static TargetStats parse(String line, long rssKiB) {
    Map<String, Long> values = new HashMap<>();
    for (String part : line.substring("STATS".length()).trim().split(" ")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        values.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
      }
    }
    return new TargetStats(
        rssKiB,
        values.getOrDefault("heapUsed", -1L),
        values.getOrDefault("direct", -1L),
        values.getOrDefault("nettyDirect", -1L),
        values.getOrDefault("offHeapReserved", 0L),
        values.getOrDefault("threads", -1L).intValue(),
        values.getOrDefault("allocated", -1L));
  }
}
