package io.tabula.connectors.payment;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * One charge: an amount in a currency, the caller's card fields, the idempotency key of this
 * attempt and what the payment is for.
 *
 * <pre>{@code
 * ChargeRequest request = new ChargeRequest(new BigDecimal("42.50"), Currency.getInstance("EUR"),
 *     card, IdempotencyKey.forAttempt(callId, 1),
 *     new PaymentMetadata("springfield", "parking", "T-1234"));
 * }</pre>
 */
public record ChargeRequest(
    BigDecimal amount,
    Currency currency,
    CardFields card,
    IdempotencyKey idempotencyKey,
    PaymentMetadata metadata) {

  public ChargeRequest {
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a charge amount must be positive");
    }
    if (amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
      throw new IllegalArgumentException(
          "amount has more decimals than "
              + currency.getCurrencyCode()
              + " allows ("
              + currency.getDefaultFractionDigits()
              + "); round it in the flow");
    }
  }

  /** The amount in the currency's smallest unit (cents for EUR, yen for JPY). */
  public long minorUnits() {
    return amount.movePointRight(Math.max(0, currency.getDefaultFractionDigits())).longValueExact();
  }

  /** The same charge with another idempotency key (a new attempt). */
  public ChargeRequest withIdempotencyKey(IdempotencyKey key) {
    return new ChargeRequest(amount, currency, card, key, metadata);
  }
}
