package io.tabula.connectors.payment.stripe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.tabula.connectors.payment.ApiKey;
import io.tabula.connectors.payment.CardFields;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.IdempotencyKey;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.connectors.payment.http.Credential;
import io.tabula.connectors.payment.http.FormWriter;
import io.tabula.connectors.payment.http.HttpExchangeException;
import io.tabula.connectors.payment.http.HttpReply;
import io.tabula.connectors.payment.http.HttpsClient;
import io.tabula.connectors.payment.http.RequestHead;
import io.tabula.connectors.payment.http.TlsClientContexts;
import io.tabula.connectors.payment.http.ZeroingByteBufAllocator;
import io.tabula.masking.card.CardBrand;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A connector for Stripe's API (and anything speaking the same subset): it creates a card
 * PaymentMethod, then a confirmed PaymentIntent for it, each request form-encoded with the bearer
 * secret key and an {@code Idempotency-Key} derived from the attempt's key.
 *
 * <p>The card digits go from the call's memory into the form body of the first request only; the
 * second refers to the PaymentMethod id, which is also returned as the reusable token.
 *
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.of("stripe", URI.create("https://api.stripe.com"),
 *     SecretReference.parse("env:STRIPE_SECRET_KEY"), Optional.empty());
 * try (PaymentGateway stripe = PaymentGateways.open(config)) { ... }
 * }</pre>
 */
final class StripeGateway implements PaymentGateway {

  static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayConfig config;
  private final ApiKey apiKey;
  private final HttpsClient client;

  StripeGateway(GatewayConfig config) {
    this.config = config;
    this.apiKey = ApiKey.load(config.apiKey());
    this.client =
        new HttpsClient(
            TlsClientContexts.trusting(config.trustedCaPem()), config.connectTimeout(), 1);
  }

  @Override
  public String connector() {
    return "stripe";
  }

  @Override
  public PaymentOutcome charge(ChargeRequest request) {
    CardBrand brand = request.card().pan().brand();
    String lastFour = request.card().pan().lastFour();
    try {
      HttpReply method =
          post("/v1/payment_methods", request.idempotencyKey().forStep("pm"), card(request.card()));
      JsonNode methodJson = JSON.readTree(method.body());
      if (method.status() != 200) {
        return StripeOutcomes.fromError(method.status(), methodJson);
      }
      String methodId = methodJson.path("id").asText();
      HttpReply intent =
          post(
              "/v1/payment_intents",
              request.idempotencyKey().forStep("pi"),
              intent(request, methodId));
      JsonNode intentJson = JSON.readTree(intent.body());
      if (intent.status() != 200) {
        return StripeOutcomes.fromError(intent.status(), intentJson);
      }
      return fromIntent(intentJson, methodId, brand, lastFour);
    } catch (HttpExchangeException e) {
      return StripeOutcomes.fromTransport(e);
    } catch (IOException e) {
      return new PaymentOutcome.Failed(FailureKind.PROTOCOL, Retry.SAME_KEY);
    }
  }

  /** Two requests per charge: the PaymentMethod, then the PaymentIntent. */
  @Override
  public Duration chargeBudget() {
    return config.responseTimeout().multipliedBy(2);
  }

  /**
   * A confirmed PaymentIntent's status as an outcome. Only {@code succeeded} moved money and only
   * {@code requires_payment_method} and {@code canceled} say it did not; {@code processing}, {@code
   * requires_action} (3-D Secure, which a phone call cannot complete), {@code requires_capture} and
   * anything new are not final, so the outcome is unknown until operations see how the processor
   * settled it.
   */
  private static PaymentOutcome fromIntent(
      JsonNode intent, String methodId, CardBrand brand, String lastFour) {
    String status = intent.path("status").asText("");
    if ("requires_payment_method".equals(status) || "canceled".equals(status)) {
      return new PaymentOutcome.Declined(
          io.tabula.connectors.payment.DeclineReason.GENERIC, status);
    }
    if (!"succeeded".equals(status)) {
      String id = intent.path("id").asText("");
      return new PaymentOutcome.Unknown(
          status.isEmpty() ? "no status" : status,
          id.isEmpty() ? Optional.empty() : Optional.of(id));
    }
    String authorization =
        intent
            .path("latest_charge")
            .path("payment_method_details")
            .path("card")
            .path("authorization_code")
            .asText("");
    return new PaymentOutcome.Approved(
        authorization, intent.path("id").asText(), Optional.of(methodId), brand, lastFour);
  }

  private ByteBuf card(CardFields card) {
    ByteBuf body = ZeroingByteBufAllocator.INSTANCE.directBuffer(192);
    try {
      new FormWriter(body)
          .field("type", "card")
          .secret("card[number]", card.pan())
          .secretPart("card[exp_month]", "", card.expiry(), 0, 2)
          .secretPart("card[exp_year]", "20", card.expiry(), 2, 4)
          .secret("card[cvc]", card.cvc());
      return body;
    } catch (RuntimeException e) {
      body.release();
      throw e;
    }
  }

  private static ByteBuf intent(ChargeRequest request, String methodId) {
    ByteBuf body = ZeroingByteBufAllocator.INSTANCE.directBuffer(384);
    new FormWriter(body)
        .field("amount", Long.toString(request.minorUnits()))
        .field("currency", request.currency().getCurrencyCode().toLowerCase(Locale.ROOT))
        .field("payment_method", methodId)
        .field("payment_method_types[]", "card")
        .field("confirm", "true")
        .field("metadata[tenant]", request.metadata().tenant())
        .field("metadata[flow]", request.metadata().flow())
        .field("metadata[reference]", request.metadata().reference())
        .field("expand[]", "latest_charge");
    return body;
  }

  private HttpReply post(String path, IdempotencyKey key, ByteBuf body)
      throws HttpExchangeException {
    RequestHead head =
        RequestHead.post(path, FORM)
            .withHeader("Idempotency-Key", key.value())
            .withCredential(Credential.bearer(apiKey));
    return client.exchange(config.endpoint(), head, body, config.responseTimeout());
  }

  @Override
  public void close() {
    client.close();
    apiKey.close();
  }

  @Override
  public String toString() {
    return "StripeGateway[" + config.endpoint() + "]";
  }
}
