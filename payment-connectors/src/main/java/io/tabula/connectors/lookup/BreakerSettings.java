package io.tabula.connectors.lookup;

import java.time.Duration;

/**
 * The per-tenant circuit breaker: after enough database faults among the recent lookups it opens,
 * so callers get the error path at once instead of waiting for time limits; after {@code openFor}
 * it lets a few lookups through and closes again when they succeed.
 *
 * @param window how many recent lookups the failure rate is computed over
 * @param minimumCalls lookups needed in the window before the breaker may open
 * @param failureRatePercent failure rate (database faults only) that opens the breaker
 * @param openFor how long the breaker stays open before it tries again
 * @param halfOpenCalls trial lookups let through when it tries again
 */
public record BreakerSettings(
    int window, int minimumCalls, float failureRatePercent, Duration openFor, int halfOpenCalls) {

  public BreakerSettings {
    if (window < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException(
          "breaker window, minimumCalls and halfOpenCalls must be >= 1");
    }
    if (failureRatePercent <= 0 || failureRatePercent > 100) {
      throw new IllegalArgumentException("breaker failureRatePercent must be in (0, 100]");
    }
  }

  /** Opens at 50 % faults over the last 20 lookups (at least 5), retries after 10 s. */
  public static BreakerSettings defaults() {
    return new BreakerSettings(20, 5, 50f, Duration.ofSeconds(10), 2);
  }

  public BreakerSettings withOpenFor(Duration pause) {
    return new BreakerSettings(window, minimumCalls, failureRatePercent, pause, halfOpenCalls);
  }

  public BreakerSettings withMinimumCalls(int calls) {
    return new BreakerSettings(window, calls, failureRatePercent, openFor, halfOpenCalls);
  }
}
