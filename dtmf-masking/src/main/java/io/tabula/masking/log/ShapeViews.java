package io.tabula.masking.log;

/**
 * Rewrites a line so that digits written in another shape read as plain digits, each character
 * keeping its span in the original (a {@link DecodedView}): {@code Arrays.toString} of a {@code
 * char[]}/{@code int[]} of digits ({@code [4, 1, 1, ...]}) or of a {@code byte[]} of ASCII ({@code
 * [52, 49, 49, ...]}), non-ASCII decimal digits (fullwidth, Arabic-Indic, Devanagari, ...), and
 * escapes (URL {@code %34}, JSON and Java backslash-u0034, C backslash-x34, XML {@code &#52;} and
 * {@code &#x34;}). Each is hand-written: one pass, no regular expression.
 */
final class ShapeViews {

  static final String ARRAY = "an array";
  static final String NON_ASCII = "non-ASCII digits";
  static final String ESCAPED = "escaped characters";
  static final String HEX_ASCII = "hexadecimal ASCII";

  private static final int MIN_ELEMENTS = 13;

  private ShapeViews() {}

  // Arrays: digits 0-9 become digits; ASCII codes become their characters; anything else a space.

  /**
   * Whether an array of numbers may start at {@code i}: a {@code [} followed by a first element as
   * {@link #arrays} reads one (a number of one to three digits, perhaps negative or quoted) and a
   * comma. An Asterisk line's {@code [2026-12-05 ...} or {@code VERBOSE[4321]} is none. No
   * allocation.
   */
  static boolean arrayAt(CharSequence line, int i) {
    return i + 1 < line.length() && line.charAt(i) == '[' && firstElementThenComma(line, i + 1);
  }

  private static boolean firstElementThenComma(CharSequence line, int from) {
    int at = skipSpaces(line, from);
    int quote = at < line.length() && Chars.isQuote(line.charAt(at)) ? 1 : 0;
    int numberEnd = numberEnd(line, at + quote);
    if (numberEnd < 0) {
      return false;
    }
    at = skipSpaces(line, numberEnd + quote);
    return at < line.length() && line.charAt(at) == ',';
  }

  /** The line with every array of 13 or more small numbers decoded, or null when it has none. */
  static DecodedView arrays(CharSequence line) {
    DecodedView view = null;
    int copied = 0;
    int i = 0;
    int[] values = new int[64];
    int[] spans = new int[128];
    try {
      while (i < line.length()) {
        if (line.charAt(i) != '[') {
          i++;
          continue;
        }
        int elements = 0;
        int at = i + 1;
        boolean digitsOnly = true;
        int end = -1;
        while (true) {
          at = skipSpaces(line, at);
          int quote = at < line.length() && Chars.isQuote(line.charAt(at)) ? 1 : 0;
          int numberStart = at + quote;
          int numberEnd = numberEnd(line, numberStart);
          if (numberEnd < 0) {
            break;
          }
          int value = value(line, numberStart, numberEnd);
          at = numberEnd + quote;
          if (elements == values.length) {
            values = java.util.Arrays.copyOf(values, values.length * 2);
            spans = java.util.Arrays.copyOf(spans, spans.length * 2);
          }
          values[elements] = value;
          spans[2 * elements] = numberStart;
          spans[2 * elements + 1] = numberEnd;
          elements++;
          digitsOnly &= value >= 0 && value <= 9;
          at = skipSpaces(line, at);
          if (at < line.length() && line.charAt(at) == ',') {
            at++;
          } else {
            end = at < line.length() && line.charAt(at) == ']' ? at + 1 : -1;
            break;
          }
        }
        if (end < 0 || elements < MIN_ELEMENTS) {
          i++;
          continue;
        }
        view = view == null ? new DecodedView(line.length()) : view;
        copy(line, copied, i, view);
        view.add(' ', i, i + 1);
        for (int e = 0; e < elements; e++) {
          view.add(character(values[e], digitsOnly), spans[2 * e], spans[2 * e + 1]);
        }
        view.add(' ', end - 1, end);
        copied = end;
        i = end;
      }
    } finally {
      java.util.Arrays.fill(values, 0);
    }
    if (view != null) {
      copy(line, copied, line.length(), view);
    }
    return view;
  }

  /** The end of an optionally negative 1-3 digit number at {@code from}, or -1. */
  private static int numberEnd(CharSequence line, int from) {
    int i = from < line.length() && line.charAt(from) == '-' ? from + 1 : from;
    int digits = CardNumberFinder.digitsEnd(line, i);
    return digits > i && digits - i <= 3 ? digits : -1;
  }

  private static int value(CharSequence line, int from, int to) {
    boolean negative = line.charAt(from) == '-';
    int value = 0;
    for (int i = negative ? from + 1 : from; i < to; i++) {
      value = value * 10 + line.charAt(i) - '0';
    }
    return negative ? -value : value;
  }

  private static char character(int value, boolean digits) {
    if (digits) {
      return (char) ('0' + value);
    }
    return value >= 32 && value <= 126 ? (char) value : ' ';
  }

  // Bytes of ASCII digits written in hexadecimal ({@code HexFormat}, a hex dump): 34 31 31 ...

  /**
   * Where a run of at least 13 hexadecimal ASCII digits ({@code 3N}) that starts at {@code i} ends,
   * written together ({@code 34313131...}) or apart by one space, colon or comma, each optionally
   * with {@code 0x}; or, when none starts there, minus one minus where to look next: where the run
   * that does start there broke off (a later start inside it holds fewer tokens), so that the
   * search stays linear. No allocation.
   */
  static int hexAsciiRun(CharSequence line, int i) {
    return hexAsciiEnd(line, i, null);
  }

  /** The line with every run of hexadecimal ASCII digits decoded, or null when it has none. */
  static DecodedView hexAscii(CharSequence line) {
    DecodedView view = null;
    int copied = 0;
    int i = 0;
    while (i < line.length()) {
      boolean start = i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1));
      int end = start ? hexAsciiEnd(line, i, null) : -1;
      if (end < 0) {
        i = start ? Math.max(i + 1, -end - 1) : i + 1;
        continue;
      }
      view = view == null ? new DecodedView(line.length()) : view;
      copy(line, copied, i, view);
      hexAsciiEnd(line, i, view);
      copied = end;
      i = end;
    }
    if (view != null) {
      copy(line, copied, line.length(), view);
    }
    return view;
  }

  /**
   * The end of a run of hex ASCII digits at {@code i} (decoded into {@code view}), or, when there
   * is none, {@code -(where it broke off + 1)}.
   */
  private static int hexAsciiEnd(CharSequence line, int i, DecodedView view) {
    int at = i;
    int count = 0;
    char separator = 0;
    int end = -1;
    while (true) {
      int token = hasHexPrefix(line, at) ? at + 2 : at;
      if (token + 1 >= line.length()
          || line.charAt(token) != '3'
          || !Chars.isDigit(line.charAt(token + 1))) {
        break;
      }
      if (view != null) {
        view.add(line.charAt(token + 1), at, token + 2);
      }
      count++;
      end = token + 2;
      char next = end < line.length() ? line.charAt(end) : 0;
      if (next == ' ' || next == ':' || next == ',') {
        if (separator != 0 && separator != next) {
          break;
        }
        separator = next;
        at =
            next == ',' && end + 1 < line.length() && line.charAt(end + 1) == ' '
                ? end + 2
                : end + 1;
      } else if (separator == 0 && (next == '3' || hasHexPrefix(line, end))) {
        at = end;
      } else {
        break;
      }
    }
    boolean alone = end < 0 || end >= line.length() || !Character.isLetterOrDigit(line.charAt(end));
    return count >= 13 && alone ? end : -(Math.max(at, end) + 1);
  }

  private static boolean hasHexPrefix(CharSequence line, int at) {
    return at + 1 < line.length()
        && line.charAt(at) == '0'
        && (line.charAt(at + 1) == 'x' || line.charAt(at + 1) == 'X');
  }

  // Non-ASCII decimal digits become ASCII digits, and any Unicode space a space.

  static boolean isNonAsciiDigit(CharSequence line, int i) {
    char c = line.charAt(i);
    if (c < 128) {
      return false;
    }
    if (Character.isHighSurrogate(c) && i + 1 < line.length()) {
      return Character.isDigit(Character.codePointAt(line, i));
    }
    return Character.isDigit(c);
  }

  static DecodedView nonAsciiDigits(CharSequence line) {
    DecodedView view = new DecodedView(line.length());
    for (int i = 0; i < line.length(); ) {
      int codePoint = Character.codePointAt(line, i);
      int width = Character.charCount(codePoint);
      char c;
      if (codePoint < 128) {
        c = (char) codePoint;
      } else if (Character.isDigit(codePoint)) {
        c = (char) ('0' + Character.digit(codePoint, 10));
      } else if (Character.isSpaceChar(codePoint)) {
        c = ' ';
      } else {
        c = width == 1 ? line.charAt(i) : '?';
      }
      view.add(c, i, i + width);
      i += width;
    }
    return view;
  }

  // Escapes: %XX, backslash-uXXXX, backslash-xXX, &#NN; and &#xHH; become the character.

  /** Whether an escape starts at {@code i}. */
  static boolean escapeAt(CharSequence line, int i) {
    return escapeWidth(line, i) > 0;
  }

  /**
   * Whether an escape at {@code i} stands for a digit or a character of a key ({@code [ ] = : <>}):
   * a line of URL-encoded words and spaces ({@code %20}) is not decoded unless it holds 13 digits.
   */
  static boolean keyOrDigitEscapeAt(CharSequence line, int i) {
    int width = escapeWidth(line, i);
    if (width == 0) {
      return false;
    }
    char c = escaped(line, i, width);
    return Chars.isDigit(c) || c == '[' || c == ']' || c == '=' || c == ':' || c == '<' || c == '>';
  }

  static DecodedView unescaped(CharSequence line) {
    DecodedView view = new DecodedView(line.length());
    int i = 0;
    while (i < line.length()) {
      int width = escapeWidth(line, i);
      if (width > 0) {
        view.add(escaped(line, i, width), i, i + width);
        i += width;
      } else {
        view.add(line.charAt(i), i, i + 1);
        i++;
      }
    }
    return view;
  }

  /** The length of an escape at {@code i} that stands for a printable character, or 0. */
  private static int escapeWidth(CharSequence line, int i) {
    char c = line.charAt(i);
    if (c == '%') {
      return hexValue(line, i + 1, 2) >= 32 ? 3 : 0;
    }
    if (c == '\\' && i + 1 < line.length()) {
      char kind = line.charAt(i + 1);
      if (kind == 'u') {
        return printable(hexValue(line, i + 2, 4)) ? 6 : 0;
      }
      if (kind == 'x') {
        return hexValue(line, i + 2, 2) >= 32 ? 4 : 0;
      }
      return 0;
    }
    if (c == '&' && i + 3 < line.length() && line.charAt(i + 1) == '#') {
      boolean hex = line.charAt(i + 2) == 'x' || line.charAt(i + 2) == 'X';
      int from = hex ? i + 3 : i + 2;
      int end = from;
      while (end < line.length() && end - from < 6 && isDigitOf(line.charAt(end), hex)) {
        end++;
      }
      if (end == from || end >= line.length() || line.charAt(end) != ';') {
        return 0;
      }
      return printable(entityValue(line, from, end, hex)) ? end + 1 - i : 0;
    }
    return 0;
  }

  private static char escaped(CharSequence line, int i, int width) {
    char c = line.charAt(i);
    if (c == '%') {
      return (char) hexValue(line, i + 1, 2);
    }
    if (c == '\\') {
      return (char) hexValue(line, i + 2, line.charAt(i + 1) == 'u' ? 4 : 2);
    }
    boolean hex = line.charAt(i + 2) == 'x' || line.charAt(i + 2) == 'X';
    return (char) entityValue(line, hex ? i + 3 : i + 2, i + width - 1, hex);
  }

  private static boolean printable(int value) {
    return value >= 32 && value != 127 && value <= 0xFFFF;
  }

  private static int entityValue(CharSequence line, int from, int to, boolean hex) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * (hex ? 16 : 10) + Character.digit(line.charAt(i), hex ? 16 : 10);
    }
    return value;
  }

  private static boolean isDigitOf(char c, boolean hex) {
    return hex ? Character.digit(c, 16) >= 0 && c < 128 : Chars.isDigit(c);
  }

  /** The value of {@code count} hex digits at {@code from}, or -1. */
  private static int hexValue(CharSequence line, int from, int count) {
    if (from + count > line.length()) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = line.charAt(i);
      int digit = c < 128 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static int skipSpaces(CharSequence line, int i) {
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  private static void copy(CharSequence line, int from, int to, DecodedView view) {
    for (int i = from; i < to; i++) {
      view.add(line.charAt(i), i, i + 1);
    }
  }
}
