package io.tabula.flows.connect;

import io.tabula.flows.connect.Value.Money;
import io.tabula.masking.memory.SecretField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A card charge. The card fields are the call's own secret memory: a connector reads them only
 * through {@link SecretField#read} and streams the digits into its TLS request; the interpreter
 * zeroes them right after the outcome.
 *
 * @param tenant the call's tenant; a connector charges only with that tenant's merchant account
 * @param amount amount and currency
 * @param pan the card number
 * @param expiry the expiry as MMYY
 * @param cvc the card security code
 * @param key the idempotency key (call id + step + attempt)
 * @param metadata non-secret facts for the processor and the receipt, e.g. {@code ticket ->
 *     12345678}, in the order the flow file lists them (the first, or the one named {@code
 *     reference}, is the payment's reference at the processor: see {@link #reference()})
 */
public record PaymentRequest(
    String tenant,
    Money amount,
    SecretField pan,
    SecretField expiry,
    SecretField cvc,
    IdempotencyKey key,
    Map<String, String> metadata) {

  public PaymentRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(pan, "pan");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(cvc, "cvc");
    Objects.requireNonNull(key, "key");
    // Map.copyOf would iterate in a per-JVM random order, and the reference sent to the processor
    // is picked by order: it must be the same on every engine and every run.
    metadata.forEach(
        (name, value) -> {
          Objects.requireNonNull(name, "metadata name");
          Objects.requireNonNull(value, "metadata value");
        });
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /**
   * The business reference sent to the processor, the same on every engine: the metadata entry
   * named {@code reference} if there is one, else the first non-empty entry in flow order, else the
   * idempotency key.
   */
  public String reference() {
    String named = metadata.get("reference");
    if (named != null && !named.isEmpty()) {
      return named;
    }
    return metadata.values().stream()
        .filter(value -> !value.isEmpty())
        .findFirst()
        .orElse(key.value());
  }
}
