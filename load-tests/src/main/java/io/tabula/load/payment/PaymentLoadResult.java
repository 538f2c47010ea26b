package io.tabula.load.payment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figures of one benchmark run.
 *
 * @param latenciesNanos each measured payment's time from {@code pay} to its outcome, sorted
 * @param wallNanos the measured phase's wall-clock time
 * @param simulatorNanos the simulator's summed time from a complete request to its flushed reply
 * @param approved payments that came back approved
 * @param charges charges the simulator's ledger holds for the measured phase
 */
public record PaymentLoadResult(
    long[] latenciesNanos, long wallNanos, long simulatorNanos, int approved, int charges) {

  public PaymentLoadResult {
    latenciesNanos = latenciesNanos.clone();
    Arrays.sort(latenciesNanos);
  }

  public double paymentsPerSecond() {
    return latenciesNanos.length * 1e9 / wallNanos;
  }

  public double percentileMillis(double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * latenciesNanos.length) - 1;
    return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
  }

  /** The simulator's share of the summed payment latencies. */
  public double simulatorShare() {
    long total = Arrays.stream(latenciesNanos).sum();
    return total == 0 ? 0 : (double) simulatorNanos / total;
  }

  public String report(PaymentLoadOptions options) {
    return String.format(
        Locale.ROOT,
        """
        Payments through the Stripe connector against the gateway simulator over TLS
          concurrency %d, %d measured payments after %d warm-up, simulator latency %d ms
          throughput     %.1f payments/s
          latency        p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms
          time share     simulator %.1f %% (decoded request to flushed reply, both requests)
                         Tabula    %.1f %% (validation, connector, TLS both ends, loopback, queueing)
          outcomes       %d approved, %d charges in the simulator's ledger
        """,
        options.concurrency(),
        options.payments(),
        options.warmup(),
        options.simulatorLatency().toMillis(),
        paymentsPerSecond(),
        percentileMillis(50),
        percentileMillis(90),
        percentileMillis(99),
        percentileMillis(100),
        100 * simulatorShare(),
        100 * (1 - simulatorShare()),
        approved,
        charges);
  }
}
