package io.tabula.masking.log;

/**
 * Recognises an IBAN around digits that look like a card number ({@code GB82 WEST 1234 5698 7654
 * 32}, {@code DE89370400440532013000}): a country code, two check digits and up to 30 letters and
 * digits, spaced in fours or not, whose ISO 7064 mod-97 check holds. Its digits are a bank
 * account's, not a card's.
 */
final class Iban {

  private static final int MAX_LENGTH = 34;
  private static final int MIN_LENGTH = 15;

  private Iban() {}

  /** Whether a valid IBAN covers {@code [from, to)} of {@code text}. */
  static boolean covers(CharSequence text, int from, int to) {
    int earliest = Math.max(0, from - MAX_LENGTH - MAX_LENGTH / 4);
    for (int p = from; p >= earliest; p--) {
      if (startsIban(text, p) && validFrom(text, p, to)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsIban(CharSequence text, int p) {
    return p + 4 <= text.length()
        && isUpper(text.charAt(p))
        && isUpper(text.charAt(p + 1))
        && Chars.isDigit(text.charAt(p + 2))
        && Chars.isDigit(text.charAt(p + 3))
        && (p == 0 || !Character.isLetterOrDigit(text.charAt(p - 1)));
  }

  /**
   * Reads an IBAN from {@code p} (single spaces allowed between groups) and checks it at every
   * group end at or after {@code to}: the words after an IBAN ({@code ... 00 EUR}) are not its.
   */
  private static boolean validFrom(CharSequence text, int p, int to) {
    char[] chars = new char[MAX_LENGTH];
    try {
      return validFrom(text, p, to, chars);
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
  }

  private static boolean validFrom(CharSequence text, int p, int to, char[] chars) {
    int length = 0;
    int i = p;
    while (i < text.length() && length < MAX_LENGTH) {
      char c = text.charAt(i);
      if (!isAlnum(c)) {
        break;
      }
      chars[length++] = c;
      i++;
      boolean groupEnd = i >= text.length() || !isAlnum(text.charAt(i));
      if (groupEnd && i >= to && length >= MIN_LENGTH && mod97(chars, length) == 1) {
        return true;
      }
      if (groupEnd && i + 1 < text.length() && text.charAt(i) == ' ') {
        i++;
      }
    }
    return false;
  }

  /** The IBAN's value mod 97, with its first four characters moved to the end, letters as 10-35. */
  private static int mod97(char[] chars, int length) {
    int remainder = 0;
    for (int k = 0; k < length; k++) {
      char c = chars[(k + 4) % length];
      int value = Chars.isDigit(c) ? c - '0' : c - 'A' + 10;
      remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
    }
    return remainder;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean isAlnum(char c) {
    return isUpper(c) || Chars.isDigit(c);
  }
}
