package io.tabula.connectors.payment.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.tabula.connectors.payment.ApiKey;
import io.tabula.connectors.payment.ChargeRequest;
import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentOutcome;
import io.tabula.connectors.payment.PaymentOutcome.FailureKind;
import io.tabula.connectors.payment.PaymentOutcome.Retry;
import io.tabula.connectors.payment.http.Credential;
import io.tabula.connectors.payment.http.HttpExchangeException;
import io.tabula.connectors.payment.http.HttpReply;
import io.tabula.connectors.payment.http.HttpsClient;
import io.tabula.connectors.payment.http.RequestHead;
import io.tabula.connectors.payment.http.TlsClientContexts;
import io.tabula.connectors.payment.http.ZeroingByteBufAllocator;
import io.tabula.masking.card.CardBrand;
import java.io.IOException;

/**
 * A processor with one HTTPS charge endpoint, described entirely by configuration (see {@link
 * BodyTemplate} and {@link ResponseMapping}): POST to the endpoint URL with the configured headers,
 * the API key in the configured header and the attempt's key in the idempotency header.
 */
final class JsonGateway implements PaymentGateway {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final GatewayConfig config;
  private final BodyTemplate template;
  private final ResponseMapping mapping;
  private final RequestHead head;
  private final String idempotencyHeader;
  private final ApiKey apiKey;
  private final HttpsClient client;

  JsonGateway(GatewayConfig config) {
    this.config = config;
    this.template = BodyTemplate.compile(config.setting("body-template"));
    this.mapping = ResponseMapping.from(config);
    this.idempotencyHeader =
        config.settings().getOrDefault("idempotency-header", "Idempotency-Key");
    this.apiKey = ApiKey.load(config.apiKey());
    this.head = head(config, apiKey);
    this.client =
        new HttpsClient(
            TlsClientContexts.trusting(config.trustedCaPem()), config.connectTimeout(), 1);
  }

  private static RequestHead head(GatewayConfig config, ApiKey key) {
    String path = config.endpoint().getRawPath();
    RequestHead head =
        RequestHead.post(path == null || path.isEmpty() ? "/" : path, "application/json")
            .withCredential(
                new Credential(
                    config.settings().getOrDefault("auth-header", "Authorization"),
                    config.settings().getOrDefault("auth-prefix", "Bearer "),
                    key));
    for (var setting : new java.util.TreeMap<>(config.settings()).entrySet()) {
      if (setting.getKey().startsWith("header.")) {
        head = head.withHeader(setting.getKey().substring("header.".length()), setting.getValue());
      }
    }
    return head;
  }

  @Override
  public String connector() {
    return "json";
  }

  /** One request per charge. */
  @Override
  public java.time.Duration chargeBudget() {
    return config.responseTimeout();
  }

  @Override
  public PaymentOutcome charge(ChargeRequest request) {
    CardBrand brand = request.card().pan().brand();
    String lastFour = request.card().pan().lastFour();
    ByteBuf body = ZeroingByteBufAllocator.INSTANCE.directBuffer(512);
    try {
      template.render(request, body);
    } catch (RuntimeException e) {
      body.release();
      throw e;
    }
    try {
      HttpReply reply =
          client.exchange(
              config.endpoint(),
              head.withHeader(idempotencyHeader, request.idempotencyKey().value()),
              body,
              config.responseTimeout());
      JsonNode json = reply.body().length == 0 ? JSON.nullNode() : JSON.readTree(reply.body());
      return mapping.outcome(reply.status(), json, brand, lastFour);
    } catch (HttpExchangeException e) {
      return fromTransport(e);
    } catch (IOException e) {
      return new PaymentOutcome.Failed(FailureKind.PROTOCOL, Retry.SAME_KEY);
    }
  }

  private static PaymentOutcome.Failed fromTransport(HttpExchangeException e) {
    return switch (e.kind()) {
      case TLS -> new PaymentOutcome.Failed(FailureKind.TLS, Retry.NO);
      case CONNECT -> new PaymentOutcome.Failed(FailureKind.CONNECT, Retry.SAME_KEY);
      case TIMEOUT -> new PaymentOutcome.Failed(FailureKind.TIMEOUT, Retry.SAME_KEY);
      case CONNECTION_LOST ->
          new PaymentOutcome.Failed(FailureKind.CONNECTION_LOST, Retry.SAME_KEY);
      case PROTOCOL -> new PaymentOutcome.Failed(FailureKind.PROTOCOL, Retry.SAME_KEY);
    };
  }

  @Override
  public void close() {
    client.close();
    apiKey.close();
  }

  @Override
  public String toString() {
    return "JsonGateway[" + config.endpoint() + "]";
  }
}
