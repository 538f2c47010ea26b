package io.tabula.connectors.payment;

import java.time.Duration;

/**
 * How often {@link CardPayments} resends an attempt whose outcome is unknown, always with the same
 * idempotency key.
 *
 * @param maxSends total sends of one attempt, the first included (default 3)
 * @param backoff the pause before each resend, doubled each time (default 250 ms)
 */
public record RetryPolicy(int maxSends, Duration backoff) {

  public RetryPolicy {
    if (maxSends < 1 || maxSends > 10) {
      throw new PaymentConfigurationException("payment.max-sends must be 1..10");
    }
    if (backoff.isNegative()) {
      throw new PaymentConfigurationException("payment.retry-backoff must not be negative");
    }
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(250));
  }

  /** Resends at once; for tests and benchmarks against the local simulator. */
  public static RetryPolicy immediate(int maxSends) {
    return new RetryPolicy(maxSends, Duration.ZERO);
  }

  Duration pauseBefore(int send) {
    return backoff.multipliedBy(1L << Math.min(send - 2, 6));
  }
}
