package io.tabula.load.lookup;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of latencies (nearest-rank), in microseconds for printing.
 *
 * @param samples how many lookups were measured
 * @param p50 median, ns
 * @param p99 99th percentile, ns
 * @param p999 99.9th percentile, ns
 * @param max slowest, ns
 * @param perSecond lookups completed per second of wall time
 */
record LatencySummary(int samples, long p50, long p99, long p999, long max, double perSecond) {

  static LatencySummary of(long[] nanos, long wallNanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no latencies were recorded");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return new LatencySummary(
        sorted.length,
        rank(sorted, 0.50),
        rank(sorted, 0.99),
        rank(sorted, 0.999),
        sorted[sorted.length - 1],
        sorted.length / (wallNanos / 1e9));
  }

  private static long rank(long[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  String row(String label) {
    return String.format(
        Locale.ROOT,
        "%-34s %8d %10.0f %10.0f %10.0f %10.0f %10.0f",
        label,
        samples,
        p50 / 1e3,
        p99 / 1e3,
        p999 / 1e3,
        max / 1e3,
        perSecond);
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-34s %8s %10s %10s %10s %10s %10s",
        "path",
        "lookups",
        "p50 us",
        "p99 us",
        "p99.9 us",
        "max us",
        "per s");
  }
}
