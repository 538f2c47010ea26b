package io.tabula.masking.log;

import io.tabula.masking.card.CardBrand;

/** Replacement texts: a card shows its brand and last four digits at most, nothing else. */
final class CardMasks {

  private CardMasks() {}

  /** {@code [Visa ****1111]}, or {@code [card ****1111]} for an unknown brand. */
  static String card(String label, CardBrand brand, char[] digits, int count) {
    StringBuilder text = new StringBuilder(label.length() + 24).append('[');
    if (!label.isEmpty()) {
      text.append(label).append(' ');
    }
    text.append(brand == CardBrand.UNKNOWN ? "card" : brand.displayName()).append(" ****");
    text.append(digits, count - 4, 4);
    return text.append(']').toString();
  }

  /** The brand by the first (up to six) of the {@code count} digits at {@code from}. */
  static CardBrand brand(char[] digits, int from, int count) {
    int prefixDigits = Math.min(6, count);
    int prefix = 0;
    for (int i = 0; i < prefixDigits; i++) {
      prefix = prefix * 10 + (digits[from + i] - '0');
    }
    return CardBrand.ofLeadingDigits(prefix, prefixDigits);
  }

  static boolean luhnValid(char[] digits, int from, int count) {
    int sum = 0;
    for (int i = 0; i < count; i++) {
      int value = digits[from + count - 1 - i] - '0';
      if ((i & 1) == 1) {
        value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      }
      sum += value;
    }
    return sum % 10 == 0;
  }
}
