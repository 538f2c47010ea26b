package io.tabula.connectors.payment.stripe;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGatewayProvider;

/**
 * Registers the Stripe-compatible connector under the name {@code stripe}.
 *
 * <pre>{@code
 * payment:
 *   connector: stripe
 *   endpoint: https://api.stripe.com
 *   api-key: env:STRIPE_SECRET_KEY
 * }</pre>
 */
public final class StripeConnector implements PaymentGatewayProvider {

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public PaymentGateway open(GatewayConfig config) {
    return new StripeGateway(config);
  }
}
