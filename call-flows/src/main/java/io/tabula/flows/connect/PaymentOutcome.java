package io.tabula.flows.connect;

import java.util.Objects;

/**
 * How a charge ended, answering the one question a caller and an auditor care about: did money
 * move? {@link Approved}: yes. {@link Declined} and {@link Failed}: no, for certain. {@link
 * Unknown}: perhaps, and nobody may say otherwise until operations have asked the processor. None
 * of these carry card data beyond brand and last four.
 *
 * <pre>{@code
 * switch (outcome) {
 *   case PaymentOutcome.Approved a -> confirm(a.authCode());
 *   case PaymentOutcome.Declined d -> offerAnotherCard(d.reason());
 *   case PaymentOutcome.Failed f -> sayNotCharged();
 *   case PaymentOutcome.Unknown u -> sayCouldNotConfirm(); // never "not charged"
 * }
 * }</pre>
 */
public sealed interface PaymentOutcome {

  /** Whether money moved, as far as the engine can know. */
  enum Charged {
    YES,
    NO,
    UNKNOWN
  }

  Charged charged();

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

    @Override
    public Charged charged() {
      return Charged.YES;
    }
  }

  /** The issuer said no. */
  record Declined(DeclineReason reason) implements PaymentOutcome {
    public Declined {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public Charged charged() {
      return Charged.NO;
    }
  }

  /**
   * The charge was certainly not made: it never reached a processor that could make it (no
   * connection, refused credentials or request, a connector for another tenant).
   *
   * @param cause a short, payload-free cause for the logs, e.g. {@code "connect"}
   */
  record Failed(String cause) implements PaymentOutcome {
    public Failed {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public Charged charged() {
      return Charged.NO;
    }
  }

  /**
   * The charge may or may not have been made: no answer came in time, the processor is still
   * settling it ({@code processing}, {@code requires_action}), or the connector broke mid-way.
   * Resending under a new key could charge twice; the caller must hear that the payment could not
   * be confirmed, and operations reconcile it with the processor by the idempotency key.
   *
   * @param cause a short, payload-free cause for the logs, e.g. {@code "timeout"}
   */
  record Unknown(String cause) implements PaymentOutcome {
    public Unknown {
      Objects.requireNonNull(cause, "cause");
    }

    @Override
    public Charged charged() {
      return Charged.UNKNOWN;
    }
  }
}
