package io.tabula.engine.pbx;

import java.time.Duration;

/** What the simulated caller does when the PBX waits for input. */
public sealed interface CallerAction {

  /**
   * Presses {@code keys}: the first {@code firstKeyDelay} after the command started, each next one
   * {@code keyGap} after the previous. The PBX zeroes the keys once it has used them.
   */
  record Keys(KeyPresses keys, Duration firstKeyDelay, Duration keyGap) implements CallerAction {
    public Keys {
      if (keys.length() == 0) {
        throw new IllegalArgumentException("keys are DTMF keys 0-9 * # A-D, at least one");
      }
    }

    /** Keys from a script's text (test and demo data, never a caller's typing). */
    public Keys(String keys, Duration firstKeyDelay, Duration keyGap) {
      this(KeyPresses.of(keys), firstKeyDelay, keyGap);
    }

    public static Keys fast(String keys) {
      return new Keys(keys, Duration.ZERO, Duration.ZERO);
    }
  }

  /** Presses nothing: the command times out. */
  record Silence() implements CallerAction {}

  /** Hangs up {@code after} the command started (media commands) or before it (the others). */
  record HangUp(Duration after) implements CallerAction {}
}
