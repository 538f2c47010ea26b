package io.tabula.flows.connect;

/**
 * Charges cards for a flow's {@code pay} steps under one connector name (e.g. {@code city-pay}).
 * Called on the call's virtual thread with a time limit. An implementation must send {@link
 * PaymentRequest#key()} as the processor's idempotency key, must not keep the card fields after
 * returning, and reports problems as {@link PaymentOutcome.Failed}, never with card data in an
 * exception.
 *
 * <pre>{@code
 * PaymentOutcome outcome = connector.charge(request);
 * switch (outcome) {
 *   case PaymentOutcome.Approved a -> ...
 *   case PaymentOutcome.Declined d -> ...
 *   case PaymentOutcome.Failed f -> ...
 * }
 * }</pre>
 */
public interface PaymentConnector {

  /** The name flows use in {@code pay.connector}. */
  String name();

  PaymentOutcome charge(PaymentRequest request);
}
