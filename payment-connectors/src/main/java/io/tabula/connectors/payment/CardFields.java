package io.tabula.connectors.payment;

import io.tabula.masking.memory.SecretField;

/**
 * The card a caller keyed, as fields of the call's memory: the PAN, the expiry as {@code MMYY} and
 * the CVC.
 *
 * <pre>{@code
 * CardFields card = new CardFields(memory.field("pan", 19), memory.field("expiry", 4),
 *     memory.field("cvc", 4));
 * }</pre>
 */
public record CardFields(SecretField pan, SecretField expiry, SecretField cvc) {

  /**
   * Zeroes all three fields now. PCI DSS 3.3.1 allows no sensitive authentication data after
   * authorization, so this runs as soon as an outcome is known, not only at hangup.
   */
  public void clear() {
    pan.clear();
    expiry.clear();
    cvc.clear();
  }
}
