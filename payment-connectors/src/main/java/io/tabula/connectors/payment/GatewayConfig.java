package io.tabula.connectors.payment;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant's payment connector settings.
 *
 * @param connector the connector name, e.g. {@code stripe} or {@code json}
 * @param endpoint the processor's base URL; must be {@code https}
 * @param apiKey where the secret key lives ({@code file:} or {@code env:})
 * @param trustedCaPem a PEM file of the CAs to trust instead of the JDK's default trust store
 * @param connectTimeout how long a TCP connect and TLS handshake may take (default 5 s)
 * @param responseTimeout how long one request may take in total (default 30 s)
 * @param settings connector-specific settings (for example the JSON connector's template)
 */
public record GatewayConfig(
    String connector,
    URI endpoint,
    SecretReference apiKey,
    Optional<Path> trustedCaPem,
    Duration connectTimeout,
    Duration responseTimeout,
    Map<String, String> settings) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);

  public GatewayConfig {
    if (connector == null || connector.isBlank()) {
      throw new PaymentConfigurationException("payment.connector is missing; e.g. stripe");
    }
    if (endpoint == null || !"https".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
      throw new PaymentConfigurationException(
          "payment.endpoint must be an https URL with a host, e.g. https://api.stripe.com");
    }
    settings = Map.copyOf(settings);
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new PaymentConfigurationException("payment.connect-timeout must be positive");
    }
    if (responseTimeout.isNegative() || responseTimeout.isZero()) {
      throw new PaymentConfigurationException("payment.response-timeout must be positive");
    }
  }

  /** A configuration with the default timeouts and no connector settings. */
  public static GatewayConfig of(
      String connector, URI endpoint, SecretReference apiKey, Optional<Path> trustedCaPem) {
    return new GatewayConfig(
        connector,
        endpoint,
        apiKey,
        trustedCaPem,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_RESPONSE_TIMEOUT,
        Map.of());
  }

  public GatewayConfig withResponseTimeout(Duration timeout) {
    return new GatewayConfig(
        connector, endpoint, apiKey, trustedCaPem, connectTimeout, timeout, settings);
  }

  public GatewayConfig withSettings(Map<String, String> newSettings) {
    return new GatewayConfig(
        connector, endpoint, apiKey, trustedCaPem, connectTimeout, responseTimeout, newSettings);
  }

  /** A required connector setting. */
  public String setting(String name) {
    String value = settings.get(name);
    if (value == null) {
      throw new PaymentConfigurationException(
          "connector '" + connector + "' needs the setting payment.settings." + name);
    }
    return value;
  }
}
