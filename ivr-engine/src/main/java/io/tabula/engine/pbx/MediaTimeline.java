package io.tabula.engine.pbx;

/**
 * Works out, from a caller's key timings, what Asterisk replies to a media command and when. Times
 * are milliseconds from the start of the command.
 */
final class MediaTimeline {

  /** Keys the caller pressed that no command has taken yet, with the delay of the next one. */
  static final class PendingKeys {
    final String keys;
    int index;
    long nextDelay;
    final long gap;

    PendingKeys(String keys, long firstDelay, long gap) {
      this.keys = keys;
      this.nextDelay = firstDelay;
      this.gap = gap;
    }

    boolean isEmpty() {
      return index >= keys.length();
    }

    char take() {
      char key = keys.charAt(index++);
      nextDelay = gap;
      return key;
    }
  }

  /** A reply value and its delay; {@code endpos} is -1 when the command has none. */
  record Outcome(String result, boolean timedOut, long delay, long endpos) {}

  private MediaTimeline() {}

  /** GET DATA: digits until max, {@code #}, or the timeout after the prompt or the last key. */
  static Outcome getData(PendingKeys keys, long promptMs, long timeoutMs, int maxDigits) {
    StringBuilder digits = new StringBuilder();
    long deadline = promptMs + timeoutMs;
    long at = 0;
    boolean first = true;
    while (keys != null && !keys.isEmpty()) {
      at = first ? keys.nextDelay : at + keys.nextDelay;
      first = false;
      if (at > deadline) {
        return new Outcome(digits.toString(), true, deadline, -1);
      }
      char key = keys.take();
      if (key == '#') {
        return new Outcome(digits.toString(), false, at, -1);
      }
      digits.append(key);
      if (digits.length() >= maxDigits) {
        return new Outcome(digits.toString(), false, at, -1);
      }
      deadline = at + timeoutMs;
    }
    return new Outcome(digits.toString(), true, deadline, -1);
  }

  /** WAIT FOR DIGIT: the next key's ASCII code, or 0 after the timeout (negative: forever). */
  static Outcome waitForDigit(PendingKeys keys, long timeoutMs) {
    if (keys == null || keys.isEmpty()) {
      return new Outcome("0", false, timeoutMs, -1);
    }
    if (timeoutMs >= 0 && keys.nextDelay > timeoutMs) {
      keys.nextDelay -= timeoutMs;
      return new Outcome("0", false, timeoutMs, -1);
    }
    long at = keys.nextDelay;
    return new Outcome(Integer.toString(keys.take()), false, at, -1);
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
        return new Outcome(Integer.toString(key), false, at, at * 8);
      }
    }
    return new Outcome("0", false, promptMs, promptMs * 8);
  }
}
