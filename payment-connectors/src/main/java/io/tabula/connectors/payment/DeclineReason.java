package io.tabula.connectors.payment;

/** Why the issuer declined, in words a flow can speak to the caller. */
public enum DeclineReason {
  INSUFFICIENT_FUNDS,
  EXPIRED_CARD,
  INCORRECT_CVC,
  DO_NOT_HONOUR,
  GENERIC
}
