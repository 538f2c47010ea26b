package io.tabula.connectors.payment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentGatewaysTest {

  @Test
  void unknownConnectorNamesTheKnownOnes() {
    GatewayConfig config =
        GatewayConfig.of(
            "acme",
            URI.create("https://pay.example.com"),
            SecretReference.parse("env:X"),
            Optional.empty());

    assertThatThrownBy(() -> PaymentGateways.open(config))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("'acme'")
        .hasMessageContaining("stripe")
        .hasMessageContaining("json");
  }

  @Test
  void plainHttpEndpointIsRefused() {
    assertThatThrownBy(
            () ->
                GatewayConfig.of(
                    "stripe",
                    URI.create("http://pay.example.com"),
                    SecretReference.parse("env:X"),
                    Optional.empty()))
        .isInstanceOf(PaymentConfigurationException.class)
        .hasMessageContaining("https");
  }
}
