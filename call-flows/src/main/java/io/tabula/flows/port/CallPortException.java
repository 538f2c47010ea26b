package io.tabula.flows.port;

/**
 * A command on a live call failed; the flow's error path runs. The message says what failed and
 * never carries a command's arguments or a reply's data.
 */
public final class CallPortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of failure. */
  public enum Kind {
    /** No reply within the command's time limit. */
    REPLY_TIMEOUT,
    /** A reply Asterisk should not have sent, or a 510/520. */
    PROTOCOL_ERROR,
    /** The command ran and reported failure. */
    COMMAND_FAILED,
    /** The recording could not be muted, so secure input did not start. */
    RECORDING_NOT_MUTED,
    /**
     * The engine is shutting down and the call outlasted {@code drain.timeout}: it is ended through
     * the flow's error path (apology, then an agent where the flow says so).
     */
    ENGINE_DRAINED
  }

  private final Kind kind;

  public CallPortException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CallPortException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
