package io.tabula.engine.pbx;

import java.time.Duration;

/**
 * The PBX waits for the caller: {@code GET DATA}, {@code WAIT FOR DIGIT} or {@code STREAM FILE}
 * with escape digits.
 *
 * @param command the AGI verb
 * @param prompt the sound file played, or empty for WAIT FOR DIGIT
 * @param maxDigits how many digits the command takes (1 for a single key)
 * @param timeout how long the command waits, or null for forever
 * @param keys the keys the command takes: a STREAM FILE's escape digits (Asterisk drops any other
 *     key pressed during the prompt), every key for the other commands
 */
public record InputRequest(
    String command, String prompt, int maxDigits, Duration timeout, String keys) {

  /** Every DTMF key. */
  public static final String ANY_KEY = "0123456789*#ABCD";

  /** A command that takes any key. */
  public InputRequest(String command, String prompt, int maxDigits, Duration timeout) {
    this(command, prompt, maxDigits, timeout, ANY_KEY);
  }

  /** Whether the command takes {@code key}. */
  public boolean takes(int key) {
    return keys.indexOf(key) >= 0;
  }
}
