package io.tabula.flows.simulate;

import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.CollectResult;
import io.tabula.flows.port.KeyPress;
import io.tabula.masking.memory.SecretField;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * A person playing the caller of a simulated call at a {@link Keypad}, like a phone: keys count as
 * they are pressed, {@code #} ends an entry, a collect waits its first- and inter-digit timeouts in
 * real time, a menu its timeout. A collect's keys go from the keypad straight into the call's
 * {@link SecretField}; on a terminal they are echoed as {@code *} when the collect is secure and as
 * pressed otherwise, and not at all when the keypad is not a terminal.
 */
final class KeypadCaller {

  /** The caller hung up while the flow waited for keys. */
  static final class HungUp extends Exception {
    private static final long serialVersionUID = 1L;

    HungUp() {
      super("the caller hung up", null, false, false);
    }
  }

  private final Keypad keypad;
  private final PrintWriter out;
  private boolean lineOpen;

  KeypadCaller(Keypad keypad, PrintWriter out) {
    this.keypad = keypad;
    this.out = out;
  }

  /**
   * A key the caller already pressed when a prompt with {@code escapeKeys} starts: it stops the
   * prompt when it is one of them; any other key is dropped, as Asterisk drops it.
   */
  KeyPress duringPrompt(String escapeKeys) throws HungUp {
    if (escapeKeys.isEmpty()) {
      return KeyPress.NONE;
    }
    int key = pressed(keypad.next(Duration.ZERO));
    return key != Keypad.NONE && escapeKeys.indexOf(key) >= 0
        ? new KeyPress((char) key)
        : KeyPress.NONE;
  }

  /** Digits into {@code field} until {@code #} (or another non-digit key), the most, or silence. */
  CollectResult collect(SecretField field, CollectOptions options) throws HungUp {
    int count = 0;
    Duration wait = options.firstDigitTimeout();
    try {
      while (true) {
        int key = pressed(keypad.next(wait));
        if (key == Keypad.NONE) {
          return new CollectResult(CollectResult.Status.TIMEOUT, count);
        }
        echo(options.secure() && key >= '0' && key <= '9' ? '*' : (char) key);
        if (key < '0' || key > '9') {
          return new CollectResult(CollectResult.Status.TERMINATED, count);
        }
        field.append((byte) key);
        if (++count == options.maxDigits()) {
          return new CollectResult(CollectResult.Status.COMPLETE, count);
        }
        wait = options.interDigitTimeout();
      }
    } finally {
      endLine();
    }
  }

  /** One key within {@code timeout}, shown as pressed (a menu's choice). */
  KeyPress waitForKey(Duration timeout) throws HungUp {
    int key = pressed(keypad.next(timeout));
    if (key == Keypad.NONE) {
      return KeyPress.NONE;
    }
    echo((char) key);
    endLine();
    return new KeyPress((char) key);
  }

  private static int pressed(int key) throws HungUp {
    if (key == Keypad.HANG_UP) {
      throw new HungUp();
    }
    return key;
  }

  private void echo(char shown) {
    if (!keypad.echoes()) {
      return;
    }
    if (!lineOpen) {
      out.print("Caller keys: ");
      lineOpen = true;
    }
    out.print(shown);
    out.flush();
  }

  private void endLine() {
    if (lineOpen) {
      out.println();
      out.flush();
    }
    lineOpen = false;
  }
}
