package io.tabula.connectors.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabula.connectors.payment.DeclineReason;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.PaymentOutcome.Failed;
import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.connectors.payment.http.HttpExchangeException;

/**
 * Maps Stripe's error objects and transport failures to typed outcomes, following Stripe's
 * documented error types, codes and decline codes.
 */
final class StripeOutcomes {

  private StripeOutcomes() {}

  /** An error reply ({@code {"error": {...}}}) with its HTTP status. */
  static PaymentOutcome fromError(int status, JsonNode body) {
    JsonNode error = body.path("error");
    String type = error.path("type").asText("");
    String code = error.path("code").asText("");
    String declineCode = error.path("decline_code").asText("");
    if ("card_error".equals(type) || status == 402) {
      return fromCardError(code, declineCode);
    }
    if ("idempotency_error".equals(type)) {
      return new Failed(FailureKind.IDEMPOTENCY_CONFLICT, Retry.NO);
    }
    return fromStatus(status);
  }

  private static PaymentOutcome fromCardError(String code, String declineCode) {
    if ("processing_error".equals(code)) {
      // Stripe saves this answer under the key; only a new attempt (new key) can succeed.
      return new Failed(FailureKind.PROCESSING_ERROR, Retry.NEW_ATTEMPT);
    }
    String processorCode = declineCode.isEmpty() ? code : declineCode;
    return new PaymentOutcome.Declined(declineReason(code, declineCode), processorCode);
  }

  static DeclineReason declineReason(String code, String declineCode) {
    if ("expired_card".equals(code) || "expired_card".equals(declineCode)) {
      return DeclineReason.EXPIRED_CARD;
    }
    if ("incorrect_cvc".equals(code) || "incorrect_cvc".equals(declineCode)) {
      return DeclineReason.INCORRECT_CVC;
    }
    return switch (declineCode) {
      case "insufficient_funds" -> DeclineReason.INSUFFICIENT_FUNDS;
      case "do_not_honor" -> DeclineReason.DO_NOT_HONOUR;
      default -> DeclineReason.GENERIC;
    };
  }

  private static Failed fromStatus(int status) {
    if (status == 401 || status == 403) {
      return new Failed(FailureKind.AUTHENTICATION, Retry.NO);
    }
    if (status == 409) {
      // Another request with this key is still running: resending the same key is what Stripe asks.
      return new Failed(FailureKind.IDEMPOTENCY_CONFLICT, Retry.SAME_KEY);
    }
    if (status == 429) {
      return new Failed(FailureKind.RATE_LIMITED, Retry.SAME_KEY);
    }
    if (status >= 500) {
      return new Failed(FailureKind.SERVER_ERROR, Retry.SAME_KEY);
    }
    return new Failed(FailureKind.REQUEST_REJECTED, Retry.NO);
  }

  /** A failure of the exchange itself. */
  static Failed fromTransport(HttpExchangeException e) {
    return switch (e.kind()) {
      // A certificate that fails verification will not pass on a resend; it needs an operator.
      case TLS -> new Failed(FailureKind.TLS, Retry.NO);
      case CONNECT -> new Failed(FailureKind.CONNECT, Retry.SAME_KEY);
      case TIMEOUT -> new Failed(FailureKind.TIMEOUT, Retry.SAME_KEY);
      case CONNECTION_LOST -> new Failed(FailureKind.CONNECTION_LOST, Retry.SAME_KEY);
      case PROTOCOL -> new Failed(FailureKind.PROTOCOL, Retry.SAME_KEY);
    };
  }
}
