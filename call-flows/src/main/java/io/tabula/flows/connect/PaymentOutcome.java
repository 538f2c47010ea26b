package io.tabula.flows.connect;

import java.util.Objects;

/** How a charge ended. None of these carry card data beyond brand and last four. */
public sealed interface PaymentOutcome {

  /**
   * The money moved.
   *
   * @param authCode the issuer's authorization code, spoken as the confirmation
   * @param reference the processor's reference for refunds and disputes
   * @param brand the card brand's display name, e.g. "Visa"
   * @param lastFour the card's last four digits
   */
  record Approved(String authCode, String reference, String brand, String lastFour)
      implements PaymentOutcome {
    public Approved {
      Objects.requireNonNull(authCode, "authCode");
      Objects.requireNonNull(reference, "reference");
      Objects.requireNonNull(brand, "brand");
      Objects.requireNonNull(lastFour, "lastFour");
    }
  }

  /** The issuer said no. */
  record Declined(DeclineReason reason) implements PaymentOutcome {
    public Declined {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The charge could not be made or its result is unknown.
   *
   * @param retryable true when retrying with the same idempotency key is safe and may succeed
   */
  record Failed(boolean retryable) implements PaymentOutcome {}
}
