package io.tabula.flows.connect;

import java.util.Objects;

/**
 * The key a payment connector sends with a charge so that a retried request never moves money
 * twice. It is derived from the call's unique id, the pay step and the attempt number, so an engine
 * that retries after a timeout sends the same key, and a caller who tries a second card gets a new
 * one.
 *
 * <pre>{@code
 * IdempotencyKey key = IdempotencyKey.of("1732350000.42", "pay-ticket", 1);
 * key.value(); // "tabula-1732350000.42-pay-ticket-1"
 * }</pre>
 */
public record IdempotencyKey(String value) {

  public IdempotencyKey {
    Objects.requireNonNull(value, "value");
    if (value.isBlank() || value.length() > 255) {
      throw new IllegalArgumentException("an idempotency key has 1..255 characters");
    }
  }

  public static IdempotencyKey of(String callUniqueId, String stepId, int attempt) {
    return new IdempotencyKey("tabula-" + callUniqueId + "-" + stepId + "-" + attempt);
  }
}
