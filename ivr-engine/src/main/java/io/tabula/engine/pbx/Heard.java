package io.tabula.engine.pbx;

/**
 * Something the caller heard or that happened to the call, in order: a prompt, a number, digits,
 * the engine hanging up, a transfer.
 *
 * @param kind what it was
 * @param what the prompt id, the number or digits said, the queue
 */
public record Heard(Kind kind, String what) {

  /** What kind of thing the caller heard. */
  public enum Kind {
    PROMPT,
    NUMBER,
    DIGITS,
    ALPHA,
    DATE,
    APPLICATION,
    HANGUP_BY_ENGINE,
    TRANSFER
  }

  @Override
  public String toString() {
    return kind + " " + what;
  }
}
