package io.tabula.connectors.payment;

import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds connectors by name through {@link ServiceLoader}.
 *
 * <pre>{@code
 * PaymentGateway gateway = PaymentGateways.open(config); // config.connector() = "stripe"
 * }</pre>
 */
public final class PaymentGateways {

  private PaymentGateways() {}

  /**
   * Opens the gateway named by {@link GatewayConfig#connector()}.
   *
   * @throws PaymentConfigurationException when no connector of that name is on the class path
   */
  public static PaymentGateway open(GatewayConfig config) {
    TreeSet<String> known = new TreeSet<>();
    for (PaymentGatewayProvider provider : ServiceLoader.load(PaymentGatewayProvider.class)) {
      if (provider.name().equals(config.connector())) {
        return provider.open(config);
      }
      known.add(provider.name());
    }
    throw new PaymentConfigurationException(
        "no payment connector named '"
            + config.connector()
            + "'; use one of "
            + known
            + " or put the connector's jar on the class path");
  }
}
