package io.tabula.masking.log;

/** Character classes the scanners share; ASCII only, because card data is ASCII digits. */
final class Chars {

  private Chars() {}

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  static boolean isWordChar(char c) {
    return isLetter(c) || isDigit(c) || c == '_';
  }

  static boolean isGroupSeparator(char c) {
    return c == ' ' || c == '-' || c == '.';
  }

  static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
