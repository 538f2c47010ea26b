package io.tabula.connectors.payment;

/**
 * A tenant's payment configuration cannot work (unknown connector, unreadable key file, bad
 * template). The message names the setting to fix and never contains a secret.
 */
public final class PaymentConfigurationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PaymentConfigurationException(String message) {
    super(message);
  }

  public PaymentConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
