package io.tabula.connectors.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabula.connectors.simulator.IdempotencyStore.StoredReply;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Stripe-compatible subset the connector uses: create a card PaymentMethod, create and confirm
 * a PaymentIntent. Replies follow the shapes of Stripe's API reference.
 */
final class StripeApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private record StoredMethod(CardSummary card, int expMonth, int expYear) {}

  private final Map<String, StoredMethod> methods = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final Ledger ledger;

  StripeApi(Ledger ledger) {
    this.ledger = ledger;
  }

  StoredReply createPaymentMethod(FormFields form) {
    if (!"card".equals(form.get("type").orElse("")) || form.card().isEmpty()) {
      return invalidRequest("parameter_missing", "Give type=card and card[number].");
    }
    CardSummary card = form.card().get();
    if (!card.luhnValid()) {
      return cardError("incorrect_number", null, "Your card number is incorrect.", null);
    }
    Optional<Integer> month = form.get("card[exp_month]").flatMap(StripeApi::integer);
    Optional<Integer> year = form.get("card[exp_year]").flatMap(StripeApi::integer);
    if (month.isEmpty() || year.isEmpty() || month.get() < 1 || month.get() > 12) {
      return cardError("invalid_expiry_month", null, "Your card's expiration is invalid.", null);
    }
    String id = "pm_sim" + ids.incrementAndGet();
    methods.put(id, new StoredMethod(card, month.get(), year.get()));
    ObjectNode body = JSON.createObjectNode().put("id", id).put("object", "payment_method");
    body.put("type", "card");
    body.putObject("card")
        .put("brand", card.brand())
        .put("last4", card.lastFour())
        .put("exp_month", month.get())
        .put("exp_year", year.get());
    return reply(200, body);
  }

  /**
   * Confirms a PaymentIntent. With {@code processing} (the {@link Fault#PROCESSING} fault) the
   * charge is made but the intent is answered as {@code processing}, not yet settled.
   */
  StoredReply confirmPaymentIntent(FormFields form, String idempotencyKey, boolean processing) {
    Optional<Long> amount = form.get("amount").flatMap(StripeApi::longValue);
    String currency = form.get("currency").orElse("");
    StoredMethod method = methods.get(form.get("payment_method").orElse(""));
    if (amount.isEmpty() || amount.get() < 1 || !currency.matches("[a-z]{3}")) {
      return invalidRequest("parameter_invalid_integer", "Give a positive amount and a currency.");
    }
    if (method == null) {
      return invalidRequest("resource_missing", "No such PaymentMethod.");
    }
    String intentId = "pi_sim" + ids.incrementAndGet();
    TestCard behaviour = expired(method) ? TestCard.EXPIRED_CARD : method.card().behaviour();
    boolean charged = behaviour.approves() || processing;
    ledger.record(
        new LedgerEntry(
            intentId,
            idempotencyKey == null ? "" : idempotencyKey,
            amount.get(),
            currency,
            method.card().brand(),
            method.card().lastFour(),
            charged,
            charged ? "" : firstNonNull(behaviour.declineCode(), behaviour.code()),
            form.metadata(),
            Instant.now()));
    if (behaviour == TestCard.REQUIRES_ACTION) {
      return reply(200, pending(intentId, amount.get(), currency, "requires_action"));
    }
    if (!charged) {
      String message = "Your card was declined.";
      return cardError(behaviour.code(), behaviour.declineCode(), message, intentId);
    }
    if (processing) {
      return reply(200, pending(intentId, amount.get(), currency, "processing"));
    }
    return reply(200, succeeded(intentId, amount.get(), currency, method, form.metadata()));
  }

  /**
   * The generic JSON API: one request that charges, see {@link JsonCharge}. With {@code
   * processing}, it charges and answers {@code pending}.
   */
  StoredReply jsonCharge(Optional<JsonCharge> parsed, String idempotencyKey, boolean processing) {
    if (parsed.isEmpty() || parsed.get().card().isEmpty()) {
      return reply(400, JSON.createObjectNode().put("status", "error").put("error", "bad_json"));
    }
    JsonNode fields = parsed.get().fields();
    CardSummary card = parsed.get().card().get();
    long amount = fields.path("amount").asLong(0);
    String currency = fields.path("currency").asText("");
    JsonNode cardJson = fields.path("card");
    int month = cardJson.path("exp_month").asInt(0);
    int year = cardJson.path("exp_year").asInt(0);
    if (amount < 1 || currency.isEmpty() || month < 1 || month > 12 || !card.luhnValid()) {
      return reply(400, JSON.createObjectNode().put("status", "error").put("error", "invalid"));
    }
    String id = "ch_json" + ids.incrementAndGet();
    TestCard behaviour =
        expired(new StoredMethod(card, month, year)) ? TestCard.EXPIRED_CARD : card.behaviour();
    String declineCode = firstNonNull(behaviour.declineCode(), behaviour.code());
    boolean charged = behaviour.approves() || processing;
    ledger.record(
        new LedgerEntry(
            id,
            idempotencyKey == null ? "" : idempotencyKey,
            amount,
            currency,
            card.brand(),
            card.lastFour(),
            charged,
            charged ? "" : declineCode,
            Map.of("reference", fields.path("reference").asText("")),
            Instant.now()));
    ObjectNode body = JSON.createObjectNode().put("id", id);
    if (processing || behaviour == TestCard.REQUIRES_ACTION) {
      return reply(200, body.put("status", "pending"));
    }
    if (!behaviour.approves()) {
      return reply(402, body.put("status", "declined").put("decline_code", declineCode));
    }
    return reply(
        200,
        body.put("status", "approved")
            .put("auth_code", String.format("%06d", ids.incrementAndGet() % 1_000_000))
            .put("token", "tok_json" + ids.incrementAndGet()));
  }

  private ObjectNode succeeded(
      String intentId, long amount, String currency, StoredMethod method, Map<String, String> md) {
    ObjectNode body = JSON.createObjectNode().put("id", intentId).put("object", "payment_intent");
    body.put("amount", amount).put("currency", currency).put("status", "succeeded");
    body.put("payment_method", "pm");
    ObjectNode charge = body.putObject("latest_charge").put("id", "ch_sim" + ids.incrementAndGet());
    charge
        .putObject("payment_method_details")
        .putObject("card")
        .put("brand", method.card().brand())
        .put("last4", method.card().lastFour())
        .put("authorization_code", String.format("%06d", ids.incrementAndGet() % 1_000_000));
    ObjectNode metadata = body.putObject("metadata");
    md.forEach(metadata::put);
    return body;
  }

  /** A PaymentIntent that is not final: {@code processing} or {@code requires_action}. */
  private static ObjectNode pending(String intentId, long amount, String currency, String status) {
    ObjectNode body = JSON.createObjectNode().put("id", intentId).put("object", "payment_intent");
    body.put("amount", amount).put("currency", currency).put("status", status);
    if ("requires_action".equals(status)) {
      body.putObject("next_action").put("type", "use_stripe_sdk");
    }
    return body;
  }

  private static boolean expired(StoredMethod method) {
    return YearMonth.of(method.expYear(), method.expMonth()).isBefore(YearMonth.now());
  }

  static StoredReply cardError(String code, String declineCode, String message, String intent) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("type", "card_error").put("code", code);
    if (declineCode != null) {
      error.put("decline_code", declineCode);
    }
    error.put("message", message);
    if (intent != null) {
      error.putObject("payment_intent").put("id", intent).put("status", "requires_payment_method");
    }
    return reply(402, body);
  }

  static StoredReply invalidRequest(String code, String message) {
    return error(400, "invalid_request_error", code, message);
  }

  static StoredReply error(int status, String type, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error").put("type", type);
    if (code != null) {
      error.put("code", code);
    }
    error.put("message", message);
    return reply(status, body);
  }

  private static StoredReply reply(int status, ObjectNode body) {
    try {
      return new StoredReply(status, JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a simulator reply", e);
    }
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static Optional<Integer> integer(String text) {
    return longValue(text).map(Long::intValue);
  }

  private static Optional<Long> longValue(String text) {
    return text.matches("[0-9]{1,12}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
  }
}
