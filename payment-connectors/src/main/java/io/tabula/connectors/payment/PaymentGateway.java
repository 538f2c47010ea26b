package io.tabula.connectors.payment;

import java.time.Duration;

/**
 * A card processor reached through one tenant's configuration: it charges an amount with the card
 * fields of a call and answers with a typed {@link PaymentOutcome}.
 *
 * <p>A gateway sends one charge attempt per call of {@link #charge}; it never retries on its own
 * and never clears the card fields. {@link CardPayments} does both around it, so a connector only
 * has to speak its processor's protocol.
 *
 * <pre>{@code
 * try (PaymentGateway gateway = PaymentGateways.open(tenantConfig)) {
 *   PaymentOutcome outcome = gateway.charge(request);
 * }
 * }</pre>
 */
public interface PaymentGateway extends AutoCloseable {

  /** The connector name this gateway was found by, e.g. {@code stripe}. */
  String connector();

  /**
   * Sends one charge (authorization with immediate capture) and waits for its outcome. Never throws
   * for what the processor or the network did: those become {@link PaymentOutcome.Failed}.
   */
  PaymentOutcome charge(ChargeRequest request);

  /**
   * The longest one {@link #charge} can take before it answers on its own (a timeout included):
   * requests per charge × the response timeout. {@link CardPayments#sendBudget()} builds on it.
   */
  Duration chargeBudget();

  /** Releases connections, threads and the off-heap API key. */
  @Override
  void close();
}
