package io.tabula.ops.access.mfa;

/**
 * A TOTP secret cannot be sealed or opened: no key configured, its key not loaded, or the stored
 * secret altered. The sign-in or enrolment does not go ahead.
 */
public final class TotpKeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TotpKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
