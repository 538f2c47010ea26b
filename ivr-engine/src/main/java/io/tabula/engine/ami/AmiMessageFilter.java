package io.tabula.engine.ami;

import java.nio.charset.StandardCharsets;

/**
 * Decides, on the raw bytes of one AMI message, whether it may carry a caller's digits and must be
 * dropped before any {@code String} of it exists.
 *
 * <p>Dropped: {@code DTMFBegin}/{@code DTMFEnd} (any event named {@code DTMF...}), any message with
 * a {@code Digit} or {@code Digits} header, and the event classes {@code dtmf}, {@code dialplan}
 * and {@code agi}. The last two matter because {@code VarSet} and {@code Newexten} carry whatever a
 * dialplan {@code Read()} or {@code SendDTMF()} handled (the card-entry fixture shows {@code
 * AppData: 4242424242424242#}), and {@code AGIExecStart} carries full AGI command text. The engine
 * needs none of them: it works with responses and {@code call}/{@code system} events only.
 *
 * <p>Example: {@code AmiMessageFilter.isSensitive(buf, 0, len)} on the bytes {@code "Event:
 * DTMFEnd\r\nDigit: 4\r\n"} is {@code true}.
 */
final class AmiMessageFilter {

  private static final byte[] EVENT = ascii("event");
  private static final byte[] DIGIT = ascii("digit");
  private static final byte[] DIGITS = ascii("digits");
  private static final byte[] PRIVILEGE = ascii("privilege");
  private static final byte[] DTMF = ascii("dtmf");
  private static final byte[][] SENSITIVE_CLASSES = {
    ascii("dtmf"), ascii("dialplan"), ascii("agi")
  };

  private AmiMessageFilter() {}

  /** Whether the CRLF-separated header lines in {@code buf[from, to)} may carry caller digits. */
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
    if (equalsIgnoreCase(buf, keyFrom, keyTo, DIGIT)
        || equalsIgnoreCase(buf, keyFrom, keyTo, DIGITS)) {
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
