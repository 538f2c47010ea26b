package io.tabula.engine.ami;

import java.nio.charset.StandardCharsets;

/**
 * Decides, on the raw bytes of one AMI message, whether it may reach Asterisk-Java at all, and
 * whether a dropped one may have carried a caller's digits.
 *
 * <p><b>Allowed: the banner and responses, nothing else.</b> The engine sends actions (Challenge,
 * Login, Ping, MixMonitorMute, Redirect, Logoff) and reads their responses; it uses no event, and
 * Asterisk-Java makes the only events it needs itself (protocol identifier from the banner,
 * connect, disconnect). Every {@code Event:} message is dropped as bytes: any of them may carry
 * digits a dialplan put into an extension, a variable, a caller id or a CDR field ({@code
 * Newchannel}'s {@code Exten}, {@code DialBegin}'s {@code DestExten}, {@code VarSet}, {@code
 * UserEvent}, {@code Cdr}'s {@code LastData}, and whatever a later Asterisk adds), and a String of
 * it in Asterisk-Java would stay on the heap. A message must start with its {@code Response:} line,
 * as Asterisk writes them; a response with a {@code Digit}/{@code Digits}, {@code Event} or {@code
 * Privilege} header is dropped too. To let an event through one day, add its name here and a test
 * that shows which of its fields can hold input.
 *
 * <p>{@link #isSensitive} keeps the narrower old rule for counting: a dropped message that is a
 * DTMF event, has a {@code Digit(s)} header or is of class {@code dtmf}, {@code dialplan} or {@code
 * agi} counts in {@code tabula.ami.messages.dropped}, which the shipped manager.conf keeps at 0.
 *
 * <p>Example: {@code AmiMessageFilter.isResponseLine(buf, 0, len)} on {@code "Response: Success"}
 * is {@code true}; on {@code "Event: Newchannel"} it is {@code false}.
 */
final class AmiMessageFilter {

  private static final byte[] EVENT = ascii("event");
  private static final byte[] RESPONSE = ascii("response");
  private static final byte[] BANNER = ascii("asterisk call manager/");
  private static final byte[] DIGIT = ascii("digit");
  private static final byte[] DIGITS = ascii("digits");
  private static final byte[] PRIVILEGE = ascii("privilege");
  private static final byte[] DTMF = ascii("dtmf");
  private static final byte[][] SENSITIVE_CLASSES = {
    ascii("dtmf"), ascii("dialplan"), ascii("agi")
  };

  private AmiMessageFilter() {}

  /**
   * Whether the line {@code buf[from, to)} (no CRLF) is Asterisk's greeting: one line, so a lone LF
   * or CR inside it (which Asterisk-Java would split into a second, unfiltered line) is not.
   */
  static boolean isBanner(byte[] buf, int from, int to) {
    return startsWithIgnoreCase(buf, from, to, BANNER)
        && indexOf(buf, from, to, (byte) '\n') < 0
        && indexOf(buf, from, to, (byte) '\r') < 0;
  }

  /** Whether the first line {@code buf[from, to)} (no CRLF) opens a response. */
  static boolean isResponseLine(byte[] buf, int from, int to) {
    int colon = indexOf(buf, from, to, (byte) ':');
    return colon >= 0 && equalsIgnoreCase(buf, from, trimEnd(buf, from, colon), RESPONSE);
  }

  /** Whether a message may pass: it opens with a response line and has no digit header. */
  static boolean isAllowed(byte[] buf, int firstLineEnd, int to) {
    return isResponseLine(buf, 0, firstLineEnd) && !hasEventOrDigitHeader(buf, 0, to);
  }

  /**
   * A digit header, or an {@code Event}/{@code Privilege} header, which only events carry: a
   * "response" holding one is an event spliced into it (a stream that lost a blank line), and its
   * fields could hold what a caller keyed. Asterisk 22.10.1's responses in the fixtures have none.
   */
  private static boolean hasEventOrDigitHeader(byte[] buf, int from, int to) {
    int lineStart = from;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        int colon = indexOf(buf, lineStart, i, (byte) ':');
        if (colon >= 0) {
          int keyFrom = skipBlanks(buf, lineStart, colon);
          int keyTo = trimEnd(buf, keyFrom, colon);
          if (isDigitKey(buf, keyFrom, keyTo)
              || equalsIgnoreCase(buf, keyFrom, keyTo, EVENT)
              || equalsIgnoreCase(buf, keyFrom, keyTo, PRIVILEGE)) {
            return true;
          }
        }
        lineStart = i + 1;
      }
    }
    return false;
  }

  /**
   * Whether the CRLF-separated header lines in {@code buf[from, to)} are digit-bearing by the
   * narrow rule that {@code tabula.ami.messages.dropped} counts (every event is dropped either
   * way).
   */
  static boolean isSensitive(byte[] buf, int from, int to) {
    int lineStart = from;
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        if (isSensitiveLine(buf, lineStart, i)) {
          return true;
        }
        lineStart = i + 1;
      }
    }
    return lineStart < to && isSensitiveLine(buf, lineStart, to);
  }

  private static boolean isSensitiveLine(byte[] buf, int from, int to) {
    int colon = indexOf(buf, from, to, (byte) ':');
    if (colon < 0) {
      return false;
    }
    int keyFrom = skipBlanks(buf, from, colon);
    int keyTo = trimEnd(buf, keyFrom, colon);
    int valueFrom = skipBlanks(buf, colon + 1, to);
    int valueTo = trimEnd(buf, valueFrom, to);
    if (isDigitKey(buf, keyFrom, keyTo)) {
      return true;
    }
    if (equalsIgnoreCase(buf, keyFrom, keyTo, EVENT)) {
      return startsWithIgnoreCase(buf, valueFrom, valueTo, DTMF);
    }
    if (equalsIgnoreCase(buf, keyFrom, keyTo, PRIVILEGE)) {
      return hasSensitiveClass(buf, valueFrom, valueTo);
    }
    return false;
  }

  private static boolean isDigitKey(byte[] buf, int keyFrom, int keyTo) {
    return equalsIgnoreCase(buf, keyFrom, keyTo, DIGIT)
        || equalsIgnoreCase(buf, keyFrom, keyTo, DIGITS);
  }

  /** The Privilege value is a comma list such as {@code dtmf,all}. */
  private static boolean hasSensitiveClass(byte[] buf, int from, int to) {
    int tokenStart = from;
    for (int i = from; i <= to; i++) {
      if (i == to || buf[i] == ',') {
        int tFrom = skipBlanks(buf, tokenStart, i);
        int tTo = trimEnd(buf, tFrom, i);
        for (byte[] sensitive : SENSITIVE_CLASSES) {
          if (equalsIgnoreCase(buf, tFrom, tTo, sensitive)) {
            return true;
          }
        }
        tokenStart = i + 1;
      }
    }
    return false;
  }

  private static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int skipBlanks(byte[] buf, int from, int to) {
    int i = from;
    while (i < to && isBlank(buf[i])) {
      i++;
    }
    return i;
  }

  private static int trimEnd(byte[] buf, int from, int to) {
    int i = to;
    while (i > from && isBlank(buf[i - 1])) {
      i--;
    }
    return i;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r';
  }

  private static boolean equalsIgnoreCase(byte[] buf, int from, int to, byte[] lower) {
    return to - from == lower.length && startsWithIgnoreCase(buf, from, to, lower);
  }

  private static boolean startsWithIgnoreCase(byte[] buf, int from, int to, byte[] lower) {
    if (to - from < lower.length) {
      return false;
    }
    for (int i = 0; i < lower.length; i++) {
      if (Character.toLowerCase(buf[from + i]) != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
