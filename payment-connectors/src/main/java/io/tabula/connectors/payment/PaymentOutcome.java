package io.tabula.connectors.payment;

import io.tabula.masking.card.CardBrand;
import java.util.Optional;

/**
 * What became of a charge. Every variant is safe to log: none holds card data beyond the brand and
 * the last four digits, which PCI DSS allows to be shown.
 *
 * <pre>{@code
 * switch (outcome) {
 *   case PaymentOutcome.Approved a -> say("approved, card ending " + a.lastFour());
 *   case PaymentOutcome.Declined d -> say(d.reason());
 *   case PaymentOutcome.Rejected r -> reprompt(r.problem().part());
 *   case PaymentOutcome.Failed f -> sayTryLater();
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
   * risking a second charge.
   */
  record Failed(FailureKind kind, Retry retry) implements PaymentOutcome {}

  /** What went wrong, without any payload. */
  enum FailureKind {
    CONNECT,
    TLS,
    TIMEOUT,
    CONNECTION_LOST,
    SERVER_ERROR,
    PROCESSING_ERROR,
    RATE_LIMITED,
    AUTHENTICATION,
    REQUEST_REJECTED,
    IDEMPOTENCY_CONFLICT,
    PROTOCOL
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
