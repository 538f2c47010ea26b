package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.tabula.masking.memory.SecretField;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one {@code 200 result=...} line from bytes, following res_agi's reply format (fixtures
 * README, observation 3): the value runs to the first space; data runs from the first {@code (} to
 * the LAST {@code )} because replies are not escaped; {@code endpos=} may follow. Numbers are
 * parsed from the bytes; a secure value is copied from the buffer into its field and never becomes
 * text.
 */
final class ReplyParser {

  static final byte[] RESULT_PREFIX = ascii("200 result=");
  private static final byte[] ENDPOS = ascii("endpos=");
  private static final byte[] TIMEOUT = ascii("timeout");

  // RESULT_PREFIX as a big-endian long, short and byte: three reads of the buffer instead of
  // eleven (each ByteBuf read checks the bounds and the reference count).
  private static final long RESULT_HEAD = ByteBuffer.wrap(RESULT_PREFIX).getLong(0);
  private static final short RESULT_MIDDLE = ByteBuffer.wrap(RESULT_PREFIX).getShort(8);
  private static final byte RESULT_LAST = RESULT_PREFIX[10];

  private ReplyParser() {}

  /** Whether the line from {@code from} to {@code to} starts with {@link #RESULT_PREFIX}. */
  static boolean isResultLine(ByteBuf line, int from, int to) {
    return to - from >= RESULT_PREFIX.length
        && line.getLong(from) == RESULT_HEAD
        && line.getShort(from + 8) == RESULT_MIDDLE
        && line.getByte(from + 10) == RESULT_LAST;
  }

  /** Parses a success line between {@code from} and {@code to} (LF excluded). */
  static AgiReply parse(ByteBuf line, int from, int to, ReplyExpectation expectation) {
    int valueStart = from + RESULT_PREFIX.length;
    int valueEnd = indexOf(line, valueStart, to, (byte) ' ');
    // The rest (data, endpos) is scanned only by the readings that use it: a prompt's or a key
    // wait's reply (result=0 endpos=8000) needs its value alone.
    return switch (expectation) {
      case ReplyExpectation.Plain plain -> plainReply(line, valueStart, valueEnd, to);
      case ReplyExpectation.ResultOnly resultOnly -> resultOnly(line, valueStart, valueEnd);
      case ReplyExpectation.DigitsInto(SecretField field) ->
          digitsInto(field, line, valueStart, valueEnd, timedOut(line, valueEnd, to));
      case ReplyExpectation.KeyInto(SecretField field) ->
          keyInto(field, line, valueStart, valueEnd);
    };
  }

  /** Whether the data after the value is {@code (timeout)}. */
  private static boolean timedOut(ByteBuf line, int valueEnd, int to) {
    int restStart = valueEnd < to ? valueEnd + 1 : to;
    int open = indexOf(line, restStart, to, (byte) '(');
    int close = lastIndexOf(line, restStart, to, (byte) ')');
    return open < to && close > open && isTimeout(line, open, close);
  }

  private static AgiReply plainReply(ByteBuf line, int valueStart, int valueEnd, int to) {
    int restStart = valueEnd < to ? valueEnd + 1 : to;
    int open = indexOf(line, restStart, to, (byte) '(');
    int close = lastIndexOf(line, restStart, to, (byte) ')');
    boolean hasData = open < to && close > open;
    long result = 0;
    boolean numeric = isNumber(line, valueStart, valueEnd);
    if (numeric) {
      result = parseLong(line, valueStart, valueEnd);
    }
    String data =
        hasData ? line.toString(open + 1, close - open - 1, StandardCharsets.UTF_8) : null;
    int endposFrom = hasData ? close + 1 : restStart;
    long endpos = endpos(line, endposFrom, to);
    if (numeric && data == null && endpos < 0) {
      return success(result);
    }
    return new AgiReply.Success(result, numeric, data, endpos);
  }

  private static AgiReply resultOnly(ByteBuf line, int valueStart, int valueEnd) {
    if (!isNumber(line, valueStart, valueEnd)) {
      return new AgiReply.Success(0, false, null, -1);
    }
    return success(parseLong(line, valueStart, valueEnd));
  }

  /**
   * The replies of the results Asterisk gives prompts, key waits and read-backs (-1, 0, 1, a key's
   * ASCII code), made once: a steady call then allocates no reply object.
   */
  private static final AgiReply.Success[] SMALL_RESULTS = smallResults();

  private static AgiReply.Success[] smallResults() {
    AgiReply.Success[] all = new AgiReply.Success[258];
    for (int result = -1; result <= 256; result++) {
      all[result + 1] = new AgiReply.Success(result, true, null, -1);
    }
    return all;
  }

  private static AgiReply.Success success(long result) {
    return result >= -1 && result <= 256
        ? SMALL_RESULTS[(int) result + 1]
        : new AgiReply.Success(result, true, null, -1);
  }

  /**
   * Every secure reply a field of up to 64 digits can get, made once. The count says how many
   * digits went into the field, never which; the digits stay in the field alone.
   */
  private static final AgiReply.SecureInput[][] SECURE_INPUTS = secureInputs();

  private static AgiReply.SecureInput[][] secureInputs() {
    AgiReply.Ending[] endings = AgiReply.Ending.values();
    AgiReply.SecureInput[][] all = new AgiReply.SecureInput[endings.length][65];
    for (AgiReply.Ending ending : endings) {
      for (int digits = 0; digits <= 64; digits++) {
        all[ending.ordinal()][digits] = new AgiReply.SecureInput(digits, ending);
      }
    }
    return all;
  }

  private static AgiReply.SecureInput secureInput(int digits, AgiReply.Ending ending) {
    return digits <= 64
        ? SECURE_INPUTS[ending.ordinal()][digits]
        : new AgiReply.SecureInput(digits, ending);
  }

  private static AgiReply digitsInto(
      SecretField field, ByteBuf line, int valueStart, int valueEnd, boolean timedOut) {
    if (isMinusOne(line, valueStart, valueEnd)) {
      return secureInput(0, AgiReply.Ending.FAILED);
    }
    int digits = 0;
    while (valueStart + digits < valueEnd && isDigit(line.getByte(valueStart + digits))) {
      digits++;
    }
    int stored = Math.min(digits, field.capacity() - field.length());
    field.appendFrom(line, valueStart, stored);
    AgiReply.Ending ending;
    if (valueStart + digits < valueEnd) {
      ending = AgiReply.Ending.KEY_TERMINATED;
    } else {
      ending = timedOut ? AgiReply.Ending.TIMEOUT : AgiReply.Ending.INPUT_ENDED;
    }
    return secureInput(stored, ending);
  }

  private static AgiReply keyInto(SecretField field, ByteBuf line, int valueStart, int valueEnd) {
    if (isMinusOne(line, valueStart, valueEnd)) {
      return secureInput(0, AgiReply.Ending.FAILED);
    }
    if (!isNumber(line, valueStart, valueEnd) || valueEnd - valueStart > 3) {
      return secureInput(0, AgiReply.Ending.FAILED);
    }
    int code = (int) parseLong(line, valueStart, valueEnd);
    if (code == 0) {
      return secureInput(0, AgiReply.Ending.NO_KEY);
    }
    if (code < '0' || code > '9') {
      return secureInput(0, AgiReply.Ending.KEY_TERMINATED);
    }
    if (field.isFull()) {
      return secureInput(0, AgiReply.Ending.INPUT_ENDED);
    }
    field.append((byte) code);
    return secureInput(1, AgiReply.Ending.INPUT_ENDED);
  }

  private static long endpos(ByteBuf line, int from, int to) {
    int at = indexOf(line, from, to, ENDPOS);
    if (at < 0) {
      return -1;
    }
    int start = at + ENDPOS.length;
    int end = start;
    while (end < to && isDigit(line.getByte(end))) {
      end++;
    }
    return end > start && end - start <= 18 ? parseLong(line, start, end) : -1;
  }

  private static boolean isTimeout(ByteBuf line, int open, int close) {
    return close - open - 1 == TIMEOUT.length
        && indexOf(line, open + 1, close, TIMEOUT) == open + 1;
  }

  static boolean startsWith(ByteBuf line, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (line.getByte(from + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(ByteBuf line, int from, int to, byte[] needle) {
    for (int i = from; i + needle.length <= to; i++) {
      if (startsWith(line, i, to, needle)) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(ByteBuf line, int from, int to, byte value) {
    for (int i = from; i < to; i++) {
      if (line.getByte(i) == value) {
        return i;
      }
    }
    return to;
  }

  private static int lastIndexOf(ByteBuf line, int from, int to, byte value) {
    for (int i = to - 1; i >= from; i--) {
      if (line.getByte(i) == value) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNumber(ByteBuf line, int from, int to) {
    int start = from < to && line.getByte(from) == '-' ? from + 1 : from;
    if (start >= to || to - start > 18) {
      return false;
    }
    for (int i = start; i < to; i++) {
      if (!isDigit(line.getByte(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isMinusOne(ByteBuf line, int from, int to) {
    return to - from == 2 && line.getByte(from) == '-' && line.getByte(from + 1) == '1';
  }

  private static long parseLong(ByteBuf line, int from, int to) {
    boolean negative = line.getByte(from) == '-';
    long value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      value = value * 10 + (line.getByte(i) - '0');
    }
    return negative ? -value : value;
  }

  static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
