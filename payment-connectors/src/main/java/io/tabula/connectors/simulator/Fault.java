package io.tabula.connectors.simulator;

/**
 * A failure the simulator plays on demand, each modelled on something processors really do.
 *
 * <pre>{@code
 * simulator.faults().inject(Fault.TIMEOUT_AFTER_CHARGE);
 * }</pre>
 */
public enum Fault {
  /** Charges, stores the idempotent result, then never answers (the client times out). */
  TIMEOUT_AFTER_CHARGE,
  /** Answers 500 before doing anything; nothing is stored under the key. */
  SERVER_ERROR,
  /** Charges, sends the head and half the body of the reply, then resets the connection. */
  RESET_MID_RESPONSE,
  /**
   * Charges (the payment settles as charged) but answers the PaymentIntent with status {@code
   * processing}, as Stripe does for payments it has not settled yet; the JSON route answers {@code
   * pending}. The client cannot know yet whether money moved.
   */
  PROCESSING,
  /** Presents a certificate (from the right CA) for another host name on the next connection. */
  TLS_WRONG_HOST;

  /** Whether the fault acts on a connection's handshake rather than on a confirmation. */
  boolean onConnection() {
    return this == TLS_WRONG_HOST;
  }
}
