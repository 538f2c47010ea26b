package io.tabula.connectors.payment.http;

/**
 * An exchange that produced no complete reply. {@link #requestSent()} tells whether the processor
 * may have received (and acted on) the request, which decides whether a retry needs the same
 * idempotency key. The message never holds request or response bytes.
 */
public final class HttpExchangeException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    CONNECT,
    TLS,
    TIMEOUT,
    CONNECTION_LOST,
    PROTOCOL
  }

  private final Kind kind;
  private final boolean requestSent;

  public HttpExchangeException(Kind kind, boolean requestSent, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.requestSent = requestSent;
  }

  public Kind kind() {
    return kind;
  }

  public boolean requestSent() {
    return requestSent;
  }
}
