package io.tabula.engine.ami;

/**
 * An AMI action was not confirmed. The message names the link, the action and what to check; it
 * never holds the action's fields or Asterisk's reply lines.
 */
public final class AmiActionException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the action did not succeed. */
  public enum Reason {
    /** The link is not logged in; nothing was sent. */
    NOT_CONNECTED,
    /** No response within the timeout. */
    TIMEOUT,
    /** Asterisk answered {@code Response: Error}. */
    REFUSED,
    /** The socket failed while sending or waiting. */
    IO_ERROR,
    /** The thread was interrupted while waiting. */
    INTERRUPTED
  }

  private final Reason reason;

  public AmiActionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public AmiActionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
