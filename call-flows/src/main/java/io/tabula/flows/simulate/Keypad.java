package io.tabula.flows.simulate;

import java.time.Duration;

/**
 * The caller's phone keypad: keys one at a time, as they are pressed, with no Enter. A key is
 * returned as an {@code int} (a {@code char} code), never collected into a String, so a card number
 * keyed here can go straight into the call's secret memory.
 *
 * <pre>{@code
 * try (Keypad keypad = TerminalKeypad.open()) {
 *   int key = keypad.next(Duration.ofSeconds(5)); // '4', or Keypad.NONE after 5 s, or HANG_UP
 * }
 * }</pre>
 */
public interface Keypad extends AutoCloseable {

  /** No key was pressed within the wait. */
  int NONE = -1;

  /** The caller hung up ({@code h}, Ctrl-D, or the end of the input). */
  int HANG_UP = -2;

  /**
   * The next key: {@code 0-9 * # A-D}, {@link #NONE} or {@link #HANG_UP}.
   *
   * @param wait how long to wait for it; zero takes only a key already pressed, null waits forever
   */
  int next(Duration wait);

  /**
   * Whether keys may be echoed: true on a terminal, where the caller sees what they press (as
   * {@code *} for secret entries); false when the input is not a terminal, where nothing is echoed.
   */
  boolean echoes();

  /**
   * Drops the keys pressed so far, as a phone drops keys pressed before the call is answered. Only
   * on a terminal: keys piped in are the caller's script and all count.
   */
  default void discardTypeAhead() {
    if (!echoes()) {
      return;
    }
    for (int key = next(Duration.ZERO); key != NONE && key != HANG_UP; key = next(Duration.ZERO)) {
      // dropped
    }
  }

  /** Gives the terminal back as it was. Idempotent. */
  @Override
  void close();

  /** Whether {@code key} is a DTMF key. */
  static boolean isKey(int key) {
    return (key >= '0' && key <= '9') || key == '*' || key == '#' || (key >= 'A' && key <= 'D');
  }
}
