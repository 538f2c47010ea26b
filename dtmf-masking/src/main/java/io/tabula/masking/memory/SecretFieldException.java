package io.tabula.masking.memory;

/**
 * A secret field refused a write: a byte that is not a digit, or more digits than the field holds.
 * The message names the field and the rule, never the bytes.
 */
public final class SecretFieldException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  /** Why a write was refused. */
  public enum Reason {
    NOT_A_DIGIT,
    FIELD_FULL,
    SLOT_FULL,
    TOO_MANY_FIELDS
  }

  SecretFieldException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
