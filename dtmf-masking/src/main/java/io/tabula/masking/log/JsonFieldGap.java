package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;

/**
 * Recognises the text between two JSON values that may hold the two halves of one card number:
 * {@code ","key":"} with optional spaces, escaped quotes (JSON inside a JSON log line) and unquoted
 * numbers. The key is at most 40 characters.
 */
final class JsonFieldGap {

  private static final int MAX_KEY = 40;

  private JsonFieldGap() {}

  /** The index of the first digit of the next value, or -1 when {@code from} starts no gap. */
  static int digitAfter(CharSequence text, int from) {
    int n = text.length();
    int i = optionalQuote(text, from);
    i = spaces(text, i);
    if (i >= n || text.charAt(i) != ',') {
      return -1;
    }
    i = spaces(text, i + 1);
    int afterQuote = optionalQuote(text, i);
    if (afterQuote == i) {
      return -1;
    }
    int keyEnd = afterQuote;
    while (keyEnd < n && keyEnd - afterQuote < MAX_KEY && isKeyChar(text.charAt(keyEnd))) {
      keyEnd++;
    }
    if (keyEnd == afterQuote) {
      return -1;
    }
    i = optionalQuote(text, keyEnd);
    if (i == keyEnd) {
      return -1;
    }
    i = spaces(text, i);
    if (i >= n || text.charAt(i) != ':') {
      return -1;
    }
    i = optionalQuote(text, spaces(text, i + 1));
    return i < n && isDigit(text.charAt(i)) ? i : -1;
  }

  private static boolean isKeyChar(char c) {
    return Chars.isWordChar(c) || c == '-' || c == '.';
  }

  private static int optionalQuote(CharSequence text, int i) {
    int n = text.length();
    if (i < n && text.charAt(i) == '"') {
      return i + 1;
    }
    if (i + 1 < n && text.charAt(i) == '\\' && text.charAt(i + 1) == '"') {
      return i + 2;
    }
    return i;
  }

  private static int spaces(CharSequence text, int i) {
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
