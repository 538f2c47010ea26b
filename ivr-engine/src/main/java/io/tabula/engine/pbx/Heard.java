package io.tabula.engine.pbx;

/**
 * Something the caller heard or that happened to the call, in order: a prompt, a number, digits,
 * the engine hanging up, a transfer.
 *
 * @param kind what it was
 * @param what the prompt id, the number or digits said, the queue
 * @param words for a number, digits or a date: the words Asterisk says in the channel's language
 *     ("forty-five", "cuarenta y cinco"); otherwise {@code what}
 */
public record Heard(Kind kind, String what, String words) {

  public Heard(Kind kind, String what) {
    this(kind, what, what);
  }

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

  /**
   * Equal when the kind and what was said are: the words follow from them and the channel's
   * language, so a test that expects {@code new Heard(NUMBER, "16")} still finds it.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Heard heard && kind == heard.kind && what.equals(heard.what);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(kind, what);
  }

  @Override
  public String toString() {
    return kind + " " + what;
  }
}
