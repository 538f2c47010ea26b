package io.tabula.ops.access.password;

/** A new password that the policy refuses; {@link #reason()} says which rule, never the text. */
public final class PasswordRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Which rule refused the password. */
  public enum Reason {
    TOO_SHORT("it has fewer than 12 characters; use at least 12 (a passphrase is easiest)"),
    NEEDS_LETTERS_AND_DIGITS("it needs at least one letter and at least one digit"),
    TOO_COMMON("it is on the list of the most common passwords; choose one nobody else uses"),
    RECENTLY_USED("it is one of your last four passwords; choose one you have not used before"),
    TOO_LONG("it has more than 256 characters; use at most 256"),
    WRONG_CURRENT_PASSWORD("the current password is wrong; type your current password again");

    private final String advice;

    Reason(String advice) {
      this.advice = advice;
    }

    public String advice() {
      return advice;
    }
  }

  private final Reason reason;

  public PasswordRejectedException(Reason reason) {
    super("password refused: " + reason.advice());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
