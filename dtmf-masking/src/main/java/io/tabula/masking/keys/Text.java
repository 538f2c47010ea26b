package io.tabula.masking.keys;

/** Allocation-free matching on a {@link CharSequence}, for the readers of key lines. */
final class Text {

  private Text() {}

  /** Whether {@code literal} occurs at {@code at}, exactly. */
  static boolean at(CharSequence s, int at, String literal) {
    int n = literal.length();
    if (at < 0 || at + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (s.charAt(at + k) != literal.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code lowerLiteral} occurs at {@code at}, ignoring ASCII case. */
  static boolean atIgnoreCase(CharSequence s, int at, String lowerLiteral) {
    int n = lowerLiteral.length();
    if (at < 0 || at + n > s.length()) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (lower(s.charAt(at + k)) != lowerLiteral.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isWordChar(char c) {
    return isDigit(c) || isLetter(c) || c == '_';
  }

  /** A key of the DTMF keypad: 0-9, *, #, A-D (either case). */
  static boolean isKey(char c) {
    return isDigit(c) || c == '*' || c == '#' || (lower(c) >= 'a' && lower(c) <= 'd');
  }

  /**
   * Whether the character before {@code at} (if any) ends a word, so a match there stands alone.
   */
  static boolean startsWord(CharSequence s, int at) {
    return at == 0 || !isWordChar(s.charAt(at - 1));
  }

  static int skipSpaces(CharSequence s, int at) {
    int i = at;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  static int digitsEnd(CharSequence s, int at) {
    int i = at;
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The end of a token: up to whitespace, a comma, a quote, or the end of the line. */
  static int tokenEnd(CharSequence s, int at) {
    int i = at;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == ',' || c == '"' || c == '\'' || c == '\\') {
        break;
      }
      i++;
    }
    return i;
  }

  /** The first index of {@code literal} in [from, to), or -1. */
  static int indexOf(CharSequence s, String literal, int from, int to) {
    int last = Math.min(to, s.length()) - literal.length();
    char first = literal.charAt(0);
    for (int i = Math.max(0, from); i <= last; i++) {
      if (s.charAt(i) == first && at(s, i, literal)) {
        return i;
      }
    }
    return -1;
  }

  static int indexOfIgnoreCase(CharSequence s, String lowerLiteral, int from, int to) {
    int last = Math.min(to, s.length()) - lowerLiteral.length();
    for (int i = Math.max(0, from); i <= last; i++) {
      if (atIgnoreCase(s, i, lowerLiteral)) {
        return i;
      }
    }
    return -1;
  }
}
