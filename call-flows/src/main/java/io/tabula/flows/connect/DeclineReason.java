package io.tabula.flows.connect;

/**
 * Why the issuer declined, in the few words a flow can speak to the caller. Connectors map their
 * processor's codes onto these; anything else is {@link #GENERIC}.
 */
public enum DeclineReason {
  INSUFFICIENT_FUNDS,
  EXPIRED_CARD,
  WRONG_CVC,
  DO_NOT_HONOUR,
  GENERIC;

  /** The spelling flows branch on, e.g. {@code insufficient_funds}. */
  public String spelling() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
