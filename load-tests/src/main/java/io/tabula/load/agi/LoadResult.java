package io.tabula.load.agi;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run measured on the load generator's side.
 *
 * @param completed calls that reached HANGUP and were closed by the engine
 * @param failed calls that failed, by reason
 * @param elapsed from the first call started to the last one started (or finished, if later)
 * @param turnaround PBX reply to the engine's next command, nanoseconds
 * @param steadyTurnaround the same, counted only after the ramp-up
 * @param setup header block sent to the engine's first command, nanoseconds
 * @param connect connection attempt until established, nanoseconds
 * @param teardown reply to the engine's HANGUP until the connection is gone, nanoseconds
 */
public record LoadResult(
    LoadOptions options,
    long completed,
    long commands,
    Map<String, Long> failed,
    Duration elapsed,
    Histogram turnaround,
    Histogram steadyTurnaround,
    Histogram setup,
    Histogram teardown,
    Histogram connect) {

  static LoadResult of(LoadOptions options, LoadStats stats, Duration elapsed) {
    return new LoadResult(
        options,
        stats.completedCount(),
        stats.commandCount(),
        stats.failuresByReason(),
        elapsed,
        stats.turnaroundHistogram(),
        stats.steadyTurnaroundHistogram(),
        stats.setupHistogram(),
        stats.teardownHistogram(),
        stats.connectHistogram());
  }

  public double callsPerSecond() {
    return completed / (elapsed.toNanos() / 1e9);
  }

  public long failedCount() {
    return failed.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Turnaround at {@code percentile} (0-100) in milliseconds. */
  public double turnaroundMillis(double percentile) {
    return turnaround.getValueAtPercentile(percentile) / 1e6;
  }

  public double setupMillis(double percentile) {
    return setup.getValueAtPercentile(percentile) / 1e6;
  }
}
