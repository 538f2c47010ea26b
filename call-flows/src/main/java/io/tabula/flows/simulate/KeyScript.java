package io.tabula.flows.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a scripted caller does, in the one syntax {@code flows simulate --keys}, {@code call --keys}
 * and {@code demo --keys} share: tokens separated by spaces, one per question the flow asks.
 *
 * <ul>
 *   <li>{@code 12345678#}: keys {@code 0-9 * #} (a menu takes the first; a collect takes digits
 *       until {@code #} or its maximum)
 *   <li>{@code -}: silence, the question times out
 *   <li>{@code ^0}: presses {@code 0} while the next prompt plays (barge-in)
 *   <li>{@code H}: hangs up
 * </ul>
 *
 * <pre>{@code
 * List<KeyScript.Token> tokens = KeyScript.parse("12345678# 1 4242424242424242# 1230 123");
 * }</pre>
 *
 * A mistake is a {@link KeyScriptException} naming the token and column, never the keys around it
 * (a script may hold a test card number).
 */
public final class KeyScript {

  /** The syntax in one line, for help texts and error fixes. */
  public static final String SYNTAX =
      "tokens separated by spaces, one per question: keys 0-9 * # (12345678#), - for silence,"
          + " ^0 to press 0 during the next prompt, H to hang up";

  /** One answer of the caller. */
  public sealed interface Token {

    /** The token as {@link KeySource} and the simulator spell it. */
    String spelling();
  }

  public record Keys(String keys) implements Token {
    @Override
    public String spelling() {
      return keys;
    }
  }

  public record Silence() implements Token {
    @Override
    public String spelling() {
      return "-";
    }
  }

  public record BargeIn(char key) implements Token {
    @Override
    public String spelling() {
      return "^" + key;
    }
  }

  public record HangUp() implements Token {
    @Override
    public String spelling() {
      return "H";
    }
  }

  private KeyScript() {}

  /**
   * @throws KeyScriptException at the first token that is none of the forms above
   */
  public static List<Token> parse(String script) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < script.length()) {
      if (Character.isWhitespace(script.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < script.length() && !Character.isWhitespace(script.charAt(i))) {
        i++;
      }
      tokens.add(token(script.substring(start, i), tokens.size() + 1, start + 1));
    }
    return List.copyOf(tokens);
  }

  private static Token token(String text, int number, int column) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("H")) {
      return new HangUp();
    }
    if (text.equals("-")) {
      return new Silence();
    }
    if (text.startsWith("^")) {
      if (text.length() == 2 && isKey(text.charAt(1))) {
        return new BargeIn(text.charAt(1));
      }
      throw new KeyScriptException(number, column, "a barge-in is ^ and one key, such as ^0");
    }
    for (int k = 0; k < text.length(); k++) {
      if (!isKey(text.charAt(k))) {
        throw new KeyScriptException(number, column + k, notAKey(text.charAt(k)));
      }
    }
    return new Keys(text);
  }

  private static boolean isKey(char c) {
    return (c >= '0' && c <= '9') || c == '*' || c == '#';
  }

  /** Names a wrong character without quoting any digit around it. */
  private static String notAKey(char c) {
    if (c == ',') {
      return "',' is not a key (tokens are separated by spaces, not commas)";
    }
    return (c >= 0x21 && c < 0x7f ? "'" + c + "'" : "character U+" + Integer.toHexString(c))
        + " is not a key";
  }
}
