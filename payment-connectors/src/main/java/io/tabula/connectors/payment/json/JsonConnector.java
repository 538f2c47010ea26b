package io.tabula.connectors.payment.json;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGatewayProvider;

/**
 * Registers the generic JSON connector under the name {@code json}.
 *
 * <pre>{@code
 * payment:
 *   connector: json
 *   endpoint: https://pay.example.com/v1/charges
 *   api-key: file:/run/secrets/acme
 *   settings:
 *     body-template: '{"amount":{{amount_minor}},"currency":"{{currency}}",
 *                      "card":{"number":"{{pan}}","exp":"{{exp_month}}/{{exp_yy}}","cvc":"{{cvc}}"}}'
 *     response.outcome: /status
 *     response.approved: approved
 *     decline.nsf: INSUFFICIENT_FUNDS
 * }</pre>
 */
public final class JsonConnector implements PaymentGatewayProvider {

  @Override
  public String name() {
    return "json";
  }

  @Override
  public PaymentGateway open(GatewayConfig config) {
    return new JsonGateway(config);
  }
}
