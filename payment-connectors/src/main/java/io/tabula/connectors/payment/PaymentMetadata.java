package io.tabula.connectors.payment;

/**
 * What a payment is for, sent to the processor as metadata: never secret, never card data.
 *
 * @param tenant the tenant id, e.g. {@code city-of-springfield}
 * @param flow the flow name, e.g. {@code parking}
 * @param reference the business reference, e.g. a ticket number
 */
public record PaymentMetadata(String tenant, String flow, String reference) {

  /** Processors bound metadata values; Stripe allows 500 characters. */
  public static final int MAX_LENGTH = 200;

  public PaymentMetadata {
    require("tenant", tenant);
    require("flow", flow);
    require("reference", reference);
  }

  private static void require(String name, String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "payment metadata '" + name + "' must be 1.." + MAX_LENGTH + " characters");
    }
  }
}
