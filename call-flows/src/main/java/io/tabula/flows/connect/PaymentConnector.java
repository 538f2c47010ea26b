package io.tabula.flows.connect;

import java.time.Duration;

/**
 * Charges cards for a flow's {@code pay} steps under one connector name (e.g. {@code city-pay}).
 * Called on its own virtual thread; the interpreter waits for it to end (an interrupt at the step's
 * timeout asks it to stop early, it is not an end) and zeroes the card fields only afterwards.
 *
 * <p>An implementation must send {@link PaymentRequest#key()} as the processor's idempotency key,
 * resend only with that same key, must not keep the card fields after returning, must answer {@link
 * PaymentOutcome.Unknown} whenever the processor may have charged without saying so, and never puts
 * card data in an exception.
 *
 * <pre>{@code
 * PaymentOutcome outcome = connector.charge(request);
 * }</pre>
 */
public interface PaymentConnector {

  /** The name flows use in {@code pay.connector}. */
  String name();

  PaymentOutcome charge(PaymentRequest request);

  /**
   * The longest one {@link #charge} can take with every resend it makes on its own (for an HTTPS
   * connector: sends × requests per send × response timeout, plus the pauses). A pay step's timeout
   * must be at least this, or the step would give up on a charge that is still running; the
   * validator refuses such a flow. Zero for a connector that answers at once.
   */
  default Duration sendBudget() {
    return Duration.ZERO;
  }
}
