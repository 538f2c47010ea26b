package io.tabula.load.agi;

import java.util.Locale;

/**
 * What the load generator's virtual PBX answers to each AGI command, as Asterisk 22 does in the
 * fixtures: {@code 200 result=0} for ANSWER and SAY*, {@code endpos} on STREAM FILE, the digit
 * string for GET DATA, {@code 200 result=1} for HANGUP (followed by a bare {@code HANGUP} line),
 * {@code 510} for anything unknown.
 */
final class PbxReplies {

  /** A reply line (with its LF) and whether a prompt plays before it is sent. */
  record Reply(String line, boolean media, boolean hangup) {}

  static final String DIGITS = "123456";

  private PbxReplies() {}

  /**
   * Whether Asterisk still answers {@code command} normally after a hangup (observation 5): GET/SET
   * VARIABLE, GET FULL VARIABLE, EXEC, VERBOSE, NOOP and DATABASE do; the rest get 511.
   */
  static boolean worksOnDeadChannel(String command) {
    String upper = command.toUpperCase(Locale.ROOT);
    return upper.startsWith("GET VARIABLE")
        || upper.startsWith("SET VARIABLE")
        || upper.startsWith("GET FULL VARIABLE")
        || upper.startsWith("EXEC")
        || upper.startsWith("VERBOSE")
        || upper.startsWith("NOOP")
        || upper.startsWith("DATABASE");
  }

  static Reply to(String command) {
    String upper = command.toUpperCase(Locale.ROOT);
    if (upper.startsWith("ANSWER")) {
      return new Reply("200 result=0\n", false, false);
    }
    if (upper.startsWith("STREAM FILE")) {
      return new Reply("200 result=0 endpos=8000\n", true, false);
    }
    if (upper.startsWith("GET DATA")) {
      return new Reply("200 result=" + DIGITS.substring(0, maxDigits(command)) + "\n", true, false);
    }
    if (upper.startsWith("SAY ")) {
      return new Reply("200 result=0\n", true, false);
    }
    if (upper.startsWith("HANGUP")) {
      return new Reply("200 result=1\n", false, true);
    }
    if (upper.startsWith("EXEC") || upper.startsWith("SET VARIABLE")) {
      return new Reply("200 result=0\n", false, false);
    }
    if (upper.startsWith("GET VARIABLE") || upper.startsWith("GET FULL VARIABLE")) {
      return new Reply("200 result=0\n", false, false);
    }
    if (upper.startsWith("VERBOSE") || upper.startsWith("NOOP")) {
      return new Reply("200 result=1\n", false, false);
    }
    return new Reply("510 Invalid or unknown command\n", false, false);
  }

  /** GET DATA file [timeout [maxdigits]]: returns as many digits as asked, at most six. */
  private static int maxDigits(String command) {
    String[] parts = command.trim().split("\\s+");
    if (parts.length >= 5) {
      try {
        return Math.max(1, Math.min(DIGITS.length(), Integer.parseInt(parts[4])));
      } catch (NumberFormatException e) {
        return DIGITS.length();
      }
    }
    return DIGITS.length();
  }
}
