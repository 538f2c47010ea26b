package io.tabula.connectors.payment;

import io.tabula.masking.card.CardBrand;
import java.util.Optional;

/**
 * What became of a charge. Every variant is safe to log: none holds card data beyond the brand and
 * the last four digits, which PCI DSS allows to be shown.
 *
 * <p>Money moved for {@link Approved}; it did not for {@link Declined}, {@link Rejected} and, once
 * {@link CardPayments} has returned it, {@link Failed}; for {@link Unknown} nobody can say until
 * operations have asked the processor (by the idempotency key).
 *
 * <pre>{@code
 * switch (outcome) {
 *   case PaymentOutcome.Approved a -> say("approved, card ending " + a.lastFour());
 *   case PaymentOutcome.Declined d -> say(d.reason());
 *   case PaymentOutcome.Rejected r -> reprompt(r.problem().part());
 *   case PaymentOutcome.Failed f -> sayNotCharged();
 *   case PaymentOutcome.Unknown u -> sayCouldNotConfirm();
 * }
 * }</pre>
 */
public sealed interface PaymentOutcome {

  /**
   * The money moved.
   *
   * @param authorizationCode the issuer's authorization code, empty if the processor hides it
   * @param gatewayReference the processor's id of the payment, for refunds and reconciliation
   * @param token a reusable payment-method token where the processor gives one
   */
  record Approved(
      String authorizationCode,
      String gatewayReference,
      Optional<String> token,
      CardBrand brand,
      String lastFour)
      implements PaymentOutcome {}

  /** The issuer said no; {@code processorCode} is the processor's own code, for the logs. */
  record Declined(DeclineReason reason, String processorCode) implements PaymentOutcome {}

  /** Nothing was sent: the card as keyed cannot be right. */
  record Rejected(CardProblem problem) implements PaymentOutcome {}

  /**
   * The charge did not complete. {@code retry} says whether and how it may be tried again without
   * risking a second charge. From one send ({@link PaymentGateway#charge}) it may still have
   * charged (see {@link FailureKind#mayHaveCharged()}); from {@link CardPayments#pay} it certainly
   * did not, because CardPayments turns every failure that may have charged into {@link Unknown}.
   */
  record Failed(FailureKind kind, Retry retry) implements PaymentOutcome {}

  /**
   * The processor may have charged, and has not said so: no answer after every safe resend, or an
   * answer that is not final ({@code processing}, {@code requires_action}). Never to be told as
   * "not charged"; never to be retried under a new key.
   *
   * @param cause payload-free, for the logs: a failure kind or the processor's status
   * @param gatewayReference the processor's id of the payment when it gave one
   */
  record Unknown(String cause, Optional<String> gatewayReference) implements PaymentOutcome {}

  /** What went wrong, without any payload, and whether the processor may have acted on it. */
  enum FailureKind {
    CONNECT(false),
    TLS(false),
    TIMEOUT(true),
    CONNECTION_LOST(true),
    SERVER_ERROR(true),
    PROCESSING_ERROR(false),
    RATE_LIMITED(false),
    AUTHENTICATION(false),
    REQUEST_REJECTED(false),
    IDEMPOTENCY_CONFLICT(true),
    PROTOCOL(true);

    private final boolean mayHaveCharged;

    FailureKind(boolean mayHaveCharged) {
      this.mayHaveCharged = mayHaveCharged;
    }

    /**
     * Whether the processor may have charged despite this failure: the request (or an earlier one
     * under the same key) may have been executed. False only where the processor certainly did not
     * act: no connection or TLS session, a refusal before executing (401/403, 400, 429), or a card
     * processing error the processor reports as final.
     */
    public boolean mayHaveCharged() {
      return mayHaveCharged;
    }
  }

  /** Whether a retry is safe, and with which key. */
  enum Retry {
    /**
     * The outcome is unknown (the processor may have charged): only a resend with the same key is
     * safe, because the processor then returns its first answer.
     */
    SAME_KEY,
    /** Nothing was charged for certain; a new attempt with a new key is safe. */
    NEW_ATTEMPT,
    /** Retrying cannot help (a configuration or protocol problem). */
    NO
  }
}
