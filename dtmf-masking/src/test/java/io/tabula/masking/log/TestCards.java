package io.tabula.masking.log;

/** Test card numbers: a prefix padded to a length and completed with its Luhn check digit. */
final class TestCards {

  private TestCards() {}

  /** {@code prefix}, then 1s, then the check digit that makes {@code length} digits Luhn-valid. */
  static String luhn(String prefix, int length) {
    StringBuilder number = new StringBuilder(prefix);
    while (number.length() < length - 1) {
      number.append('1');
    }
    for (char check = '0'; check <= '9'; check++) {
      String candidate = number.toString() + check;
      if (valid(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no check digit");
  }

  /** The same digits with the last one changed so that the Luhn check fails. */
  static String broken(String card) {
    char last = card.charAt(card.length() - 1);
    return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
  }

  static boolean valid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int value = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      }
      sum += value;
    }
    return sum % 10 == 0;
  }
}
