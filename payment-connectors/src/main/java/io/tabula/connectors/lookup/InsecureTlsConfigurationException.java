package io.tabula.connectors.lookup;

/**
 * A tenant configuration tried to weaken TLS (turn verification off, allow plaintext, trust any
 * certificate). Tabula refuses to start such a pool; the message names the property and the fix.
 */
public final class InsecureTlsConfigurationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public InsecureTlsConfigurationException(String message) {
    super(message);
  }
}
