package io.tabula.ops.access.session;

/** The session token is not (or no longer) valid; the user signs in again. */
public final class SessionEndedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why it ended. */
  public enum Reason {
    UNKNOWN,
    IDLE,
    MAXIMUM_REACHED,
    SIGNED_OUT,
    SIGNED_OUT_EVERYWHERE,
    PASSWORD_CHANGED
  }

  private final Reason reason;

  public SessionEndedException(Reason reason) {
    super(
        "session ended (" + reason.name().toLowerCase(java.util.Locale.ROOT) + "); sign in again");
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
