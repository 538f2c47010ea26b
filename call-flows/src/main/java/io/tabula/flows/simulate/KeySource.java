package io.tabula.flows.simulate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What the simulated caller does next, one token per answer:
 *
 * <ul>
 *   <li>{@code 1234#}: keys (a menu uses the first; a collect takes digits up to {@code #})
 *   <li>{@code -}: silence until the timeout
 *   <li>{@code ^0}: presses {@code 0} while the next prompt plays (barge-in)
 *   <li>{@code H}: hangs up
 * </ul>
 *
 * From a fixed script ({@code --keys "1 12345678# -"}); a person at the terminal plays the caller
 * at a {@link Keypad} instead.
 */
public interface KeySource {

  /** The next token, or empty when the caller has nothing more to say (they hang up). */
  Optional<String> next();

  /**
   * The next token if it is already known, without waiting for the caller: how a prompt finds a
   * barge-in ({@code ^0}) in a script. Interactive input never blocks here.
   */
  Optional<String> peek();

  /**
   * A fixed script in {@link KeyScript}'s syntax.
   *
   * @throws KeyScriptException where the script is not in that syntax
   */
  static KeySource script(String keys) {
    Deque<String> tokens =
        new ArrayDeque<>(KeyScript.parse(keys).stream().map(KeyScript.Token::spelling).toList());
    return new KeySource() {
      @Override
      public Optional<String> next() {
        return Optional.ofNullable(tokens.poll());
      }

      @Override
      public Optional<String> peek() {
        return Optional.ofNullable(tokens.peek());
      }
    };
  }
}
