package io.tabula.engine.pbx;

/**
 * Works out, from a caller's key timings, what Asterisk replies to a media command and when. Times
 * are milliseconds from the start of the command.
 */
final class MediaTimeline {

  /**
   * Keys the caller pressed that no command has taken yet, with the delay of the next one. The keys
   * are zeroed when the last one is taken or when the call drops them.
   */
  static final class PendingKeys {
    final KeyPresses keys;
    int index;
    long nextDelay;
    final long gap;

    PendingKeys(KeyPresses keys, long firstDelay, long gap) {
      this.keys = keys;
      this.nextDelay = firstDelay;
      this.gap = gap;
    }

    boolean isEmpty() {
      return index >= keys.length();
    }

    char take() {
      char key = keys.keyAt(index++);
      nextDelay = gap;
      if (isEmpty()) {
        keys.wipe();
      }
      return key;
    }

    void drop() {
      keys.wipe();
    }
  }

  /**
   * A reply value and its delay; {@code endpos} is -1 when the command has none. The value may be
   * the caller's digits: it is a {@code char[]} that the reply zeroes once written.
   */
  record Outcome(char[] result, boolean timedOut, long delay, long endpos) {}

  private MediaTimeline() {}

  /** GET DATA: digits until max, {@code #}, or the timeout after the prompt or the last key. */
  static Outcome getData(PendingKeys keys, long promptMs, long timeoutMs, int maxDigits) {
    Digits digits = new Digits(keys == null ? 0 : Math.min(maxDigits, keys.keys.length()));
    long deadline = promptMs + timeoutMs;
    long at = 0;
    boolean first = true;
    while (keys != null && !keys.isEmpty()) {
      at = first ? keys.nextDelay : at + keys.nextDelay;
      first = false;
      if (at > deadline) {
        return new Outcome(digits.taken(), true, deadline, -1);
      }
      char key = keys.take();
      if (key == '#') {
        return new Outcome(digits.taken(), false, at, -1);
      }
      digits.add(key);
      if (digits.count >= maxDigits) {
        return new Outcome(digits.taken(), false, at, -1);
      }
      deadline = at + timeoutMs;
    }
    return new Outcome(digits.taken(), true, deadline, -1);
  }

  /** WAIT FOR DIGIT: the next key's ASCII code, or 0 after the timeout (negative: forever). */
  static Outcome waitForDigit(PendingKeys keys, long timeoutMs) {
    if (keys == null || keys.isEmpty()) {
      return new Outcome(text("0"), false, timeoutMs, -1);
    }
    if (timeoutMs >= 0 && keys.nextDelay > timeoutMs) {
      keys.nextDelay -= timeoutMs;
      return new Outcome(text("0"), false, timeoutMs, -1);
    }
    long at = keys.nextDelay;
    return new Outcome(asciiCode(keys.take()), false, at, -1);
  }

  /** STREAM FILE: an escape key stops the prompt; endpos counts 8 kHz samples played. */
  static Outcome streamFile(PendingKeys keys, long promptMs, String escapeKeys) {
    long at = 0;
    while (keys != null && !keys.isEmpty() && !escapeKeys.isEmpty()) {
      long next = at + keys.nextDelay;
      if (next > promptMs) {
        keys.nextDelay = next - promptMs;
        break;
      }
      at = next;
      char key = keys.take();
      if (escapeKeys.indexOf(key) >= 0) {
        return new Outcome(asciiCode(key), false, at, at * 8);
      }
    }
    return new Outcome(text("0"), false, promptMs, promptMs * 8);
  }

  private static char[] text(String value) {
    return value.toCharArray();
  }

  /** A key's ASCII code in decimal ('4' is 52), written digit by digit, never through a String. */
  private static char[] asciiCode(char key) {
    return key >= 100
        ? new char[] {
          (char) ('0' + key / 100), (char) ('0' + key / 10 % 10), (char) ('0' + key % 10)
        }
        : new char[] {(char) ('0' + key / 10), (char) ('0' + key % 10)};
  }

  /** The digits a GET DATA collects, in an array handed to the reply. */
  private static final class Digits {
    private final char[] chars;
    private int count;

    Digits(int capacity) {
      chars = new char[capacity];
    }

    void add(char key) {
      chars[count++] = key;
    }

    char[] taken() {
      char[] exact = java.util.Arrays.copyOf(chars, count);
      java.util.Arrays.fill(chars, '\0');
      return exact;
    }
  }
}
