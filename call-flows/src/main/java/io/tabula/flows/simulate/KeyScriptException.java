package io.tabula.flows.simulate;

/**
 * A key script that is not in {@link KeyScript}'s syntax; the message names the token and column
 * and says how to write it, never the keys themselves.
 */
public final class KeyScriptException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final int token;
  private final int column;

  public KeyScriptException(int token, int column, String problem) {
    super(
        "--keys, token "
            + token
            + " (column "
            + column
            + "): "
            + problem
            + "; fix: write "
            + KeyScript.SYNTAX);
    this.token = token;
    this.column = column;
  }

  public int token() {
    return token;
  }

  public int column() {
    return column;
  }
}
