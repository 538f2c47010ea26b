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
 */
public record InputRequest(String command, String prompt, int maxDigits, Duration timeout) {}
