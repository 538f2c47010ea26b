package io.tabula.engine.tenant.config;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.flows.model.SourcePos;
import io.tabula.masking.card.CardBrand;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's {@code payment:} section: the connector name the flows' pay steps use, the gateway
 * settings, and the card brands the tenant accepts.
 *
 * @param connector the name in the flows' {@code pay.connector}, e.g. {@code city-pay}
 * @param pos where {@code connector:} is written
 * @param gateway the gateway (its API key is a reference, {@code file:} or {@code env:})
 * @param acceptedBrands brands checked before anything is sent
 */
public record PaymentConnectorSettings(
    String connector, SourcePos pos, GatewayConfig gateway, Set<CardBrand> acceptedBrands) {

  public PaymentConnectorSettings {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(gateway, "gateway");
    acceptedBrands = Set.copyOf(acceptedBrands);
  }

  /** Connector settings may hold header values, so only their names are shown. */
  @Override
  public String toString() {
    return "PaymentConnectorSettings[connector="
        + connector
        + ", gateway="
        + gateway.connector()
        + ", endpoint="
        + gateway.endpoint()
        + ", apiKey="
        + gateway.apiKey()
        + ", settings="
        + gateway.settings().keySet()
        + ", acceptedBrands="
        + acceptedBrands
        + "]";
  }
}
