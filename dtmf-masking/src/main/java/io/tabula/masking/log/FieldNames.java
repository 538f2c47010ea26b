package io.tabula.masking.log;

/**
 * The name of the field a value stands in ({@code pan} in {@code pan=4111...}, {@code "trace_id":
 * "..."}, {@code <cvc>123}), and what the name says about the value. The auditors use it to tell a
 * card number from a number that only looks like one: a 19-digit {@code trace_id} or an {@code
 * elapsed_ns} is a measurement or an identifier, whatever its digits.
 */
final class FieldNames {

  private static final int MAX_NAME = 40;

  /** Words in a field name that make its value an identifier or a measurement, not card data. */
  private static final String[] NOT_CARD_DATA = {
    "trace",
    "span",
    "parent",
    "elapsed",
    "duration",
    "latency",
    "nanos",
    "micros",
    "millis",
    "timestamp",
    "epoch",
    "time",
    "offset",
    "checksum",
    "crc",
    "hash",
    "sequence",
    "seq",
    "uptime",
    "thread"
  };

  /** Suffixes of unit-carrying names: {@code elapsed_ns}, {@code took_us}, {@code t_ms}. */
  private static final String[] UNIT_SUFFIXES = {"_ns", "_us", "_ms", "_ts"};

  /** Words that say the value is card data after all ({@code card_seq} is still a card field). */
  private static final String[] CARD_WORDS = {"card", "pan", "acct", "account", "ccnum", "cc"};

  private FieldNames() {}

  /**
   * The field name before the value starting at {@code valueStart} (lower case), or null: skips an
   * opening quote and spaces, then wants {@code =}, {@code :} or an XML tag's {@code >}.
   */
  static String before(CharSequence text, int valueStart) {
    int i = valueStart;
    while (i > 0 && (text.charAt(i - 1) == ' ' || Chars.isQuote(text.charAt(i - 1)))) {
      i--;
    }
    if (i > 0 && text.charAt(i - 1) == '\\') {
      i--;
    }
    if (i == 0) {
      return null;
    }
    char separator = text.charAt(i - 1);
    if (separator != '=' && separator != ':' && separator != '>') {
      return null;
    }
    int end = i - 1;
    while (end > 0 && (text.charAt(end - 1) == ' ' || Chars.isQuote(text.charAt(end - 1)))) {
      end--;
    }
    if (end > 0 && text.charAt(end - 1) == '\\') {
      end--;
    }
    int start = end;
    while (start > 0 && end - start < MAX_NAME && isNameChar(text.charAt(start - 1))) {
      start--;
    }
    if (start == end) {
      return null;
    }
    StringBuilder name = new StringBuilder(end - start);
    for (int k = start; k < end; k++) {
      name.append(Chars.lower(text.charAt(k)));
    }
    return name.toString();
  }

  /** Whether a field of this name holds an identifier or a measurement, never a card number. */
  static boolean namesNonCardData(String name) {
    if (name == null || namesCardData(name)) {
      return false;
    }
    if (containsAny(name, NOT_CARD_DATA)) {
      return true;
    }
    for (String suffix : UNIT_SUFFIXES) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  /** A word of the name (between {@code _ . - @}) begins with a card word: {@code card_seq}. */
  private static boolean namesCardData(String name) {
    int start = 0;
    for (int i = 0; i <= name.length(); i++) {
      if (i == name.length() || !Chars.isLetter(name.charAt(i))) {
        for (String word : CARD_WORDS) {
          if (name.startsWith(word, start)) {
            return true;
          }
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** The name with each run of two or more digits starred: an explanation never shows digits. */
  static String starDigits(String name) {
    if (name == null || name.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean neighbour =
          (i > 0 && Chars.isDigit(name.charAt(i - 1)))
              || (i + 1 < name.length() && Chars.isDigit(name.charAt(i + 1)));
      out.append(digit && neighbour ? '*' : c);
    }
    return out.toString();
  }

  private static boolean containsAny(String name, String[] words) {
    for (String word : words) {
      if (name.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNameChar(char c) {
    return Chars.isWordChar(c) || c == '-' || c == '.' || c == '@';
  }
}
