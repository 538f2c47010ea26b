package io.tabula.flows.port;

/**
 * The call is over for this engine: the caller hung up, the connection closed, the call was
 * transferred, or the engine is shutting down. Flows stop at once; the engine has zeroed (or is
 * zeroing) the call's memory.
 */
public final class CallEndedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the call ended. */
  public enum Reason {
    CALLER_HUNG_UP,
    CONNECTION_LOST,
    TRANSFERRED,
    HUNG_UP_BY_ENGINE,
    ENGINE_SHUTDOWN,
    TIME_LIMIT
  }

  /** The messages made once: every call that ends fails its waiting command with one of these. */
  private static final String[] MESSAGES =
      java.util.Arrays.stream(Reason.values())
          .map(reason -> "call ended: " + reason)
          .toArray(String[]::new);

  private final Reason reason;

  public CallEndedException(Reason reason) {
    super(reason == null ? "call ended: null" : MESSAGES[reason.ordinal()], null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
