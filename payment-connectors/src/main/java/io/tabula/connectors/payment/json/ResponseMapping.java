package io.tabula.connectors.payment.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabula.connectors.payment.DeclineReason;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.PaymentOutcome.Failed;
import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.masking.card.CardBrand;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a processor's JSON reply becomes an outcome, from configuration: JSON pointers to the
 * outcome, the decline code, the authorization code, the reference and the token, the outcome
 * values that mean approved, declined and pending (not final: the outcome is unknown until the
 * processor settles it), and a table from decline codes to {@link DeclineReason}.
 *
 * <pre>
 * response.outcome = /status             response.approved = approved,succeeded
 * response.declined = declined           response.decline-code = /decline_code
 * response.pending = pending,processing
 * response.authorization-code = /auth_code   response.reference = /id
 * decline.insufficient_funds = INSUFFICIENT_FUNDS
 * </pre>
 */
record ResponseMapping(
    String outcomePointer,
    Set<String> approvedValues,
    Set<String> declinedValues,
    Set<String> pendingValues,
    String declineCodePointer,
    String authorizationPointer,
    String referencePointer,
    Optional<String> tokenPointer,
    Map<String, DeclineReason> declineReasons) {

  static ResponseMapping from(GatewayConfig config) {
    Map<String, DeclineReason> reasons = new HashMap<>();
    config
        .settings()
        .forEach(
            (key, value) -> {
              if (key.startsWith("decline.")) {
                reasons.put(key.substring("decline.".length()), reason(key, value));
              }
            });
    return new ResponseMapping(
        pointer(config, "response.outcome", "/status"),
        list(config.settings().getOrDefault("response.approved", "approved")),
        list(config.settings().getOrDefault("response.declined", "declined")),
        list(config.settings().getOrDefault("response.pending", "pending,processing")),
        pointer(config, "response.decline-code", "/decline_code"),
        pointer(config, "response.authorization-code", "/authorization_code"),
        pointer(config, "response.reference", "/id"),
        Optional.ofNullable(config.settings().get("response.token")),
        Map.copyOf(reasons));
  }

  private static String pointer(GatewayConfig config, String key, String fallback) {
    String value = config.settings().getOrDefault(key, fallback);
    if (!value.startsWith("/")) {
      throw new PaymentConfigurationException(
          "payment.settings." + key + " must be a JSON pointer such as /status");
    }
    return value;
  }

  private static DeclineReason reason(String key, String value) {
    try {
      return DeclineReason.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PaymentConfigurationException(
          "payment.settings." + key + " must be one of " + Arrays.toString(DeclineReason.values()),
          e);
    }
  }

  private static Set<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
  }

  /** The outcome of a reply with HTTP status {@code status} and a parsed body. */
  PaymentOutcome outcome(int status, JsonNode body, CardBrand brand, String lastFour) {
    String outcome = body.at(outcomePointer).asText("");
    if (status < 300 && approvedValues.contains(outcome)) {
      return new PaymentOutcome.Approved(
          body.at(authorizationPointer).asText(""),
          body.at(referencePointer).asText(""),
          tokenPointer.map(p -> body.at(p).asText("")).filter(t -> !t.isEmpty()),
          brand,
          lastFour);
    }
    if (status < 300 && pendingValues.contains(outcome)) {
      String reference = body.at(referencePointer).asText("");
      return new PaymentOutcome.Unknown(
          "pending", reference.isEmpty() ? Optional.empty() : Optional.of(reference));
    }
    if (status < 500 && declinedValues.contains(outcome)) {
      String code = body.at(declineCodePointer).asText("");
      return new PaymentOutcome.Declined(
          declineReasons.getOrDefault(code, DeclineReason.GENERIC), code);
    }
    return failure(status);
  }

  private static Failed failure(int status) {
    if (status == 401 || status == 403) {
      return new Failed(FailureKind.AUTHENTICATION, Retry.NO);
    }
    if (status == 409 || status == 429) {
      return new Failed(
          status == 409 ? FailureKind.IDEMPOTENCY_CONFLICT : FailureKind.RATE_LIMITED,
          Retry.SAME_KEY);
    }
    if (status >= 500) {
      return new Failed(FailureKind.SERVER_ERROR, Retry.SAME_KEY);
    }
    if (status < 300) {
      return new Failed(FailureKind.PROTOCOL, Retry.SAME_KEY);
    }
    return new Failed(FailureKind.REQUEST_REJECTED, Retry.NO);
  }
}
