package io.tabula.engine.agi;

/**
 * Asterisk (or whatever is on the other end) sent something the engine will not accept. The message
 * says what rule was broken and how long the offending line was, never its bytes, because a reply
 * line may hold a caller's digits.
 */
public final class AgiProtocolException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Which rule was broken. */
  public enum Violation {
    LINE_TOO_LONG,
    HEADER_TOO_LARGE,
    MALFORMED_HEADER,
    HEADER_TIMEOUT,
    HALF_HEADER,
    MALFORMED_REPLY,
    UNEXPECTED_REPLY
  }

  private final Violation violation;
  private final int lineLength;

  public AgiProtocolException(Violation violation, int lineLength) {
    super(violation + " (line of " + lineLength + " bytes)", null, false, false);
    this.violation = violation;
    this.lineLength = lineLength;
  }

  public Violation violation() {
    return violation;
  }

  public int lineLength() {
    return lineLength;
  }
}
