package io.tabula.masking.keys;

import io.tabula.masking.card.CardBrand;

/**
 * Judges keyed digits (values 0-9 in a byte array, never text) as a card number: Luhn-valid, of a
 * brand whose IIN range and PAN length fit.
 */
final class CardWindow {

  static final int SHORTEST = 13;
  static final int LONGEST = 19;

  private CardWindow() {}

  /** The brand of digits[from, from+length) when they are a card number, else null. */
  static CardBrand card(byte[] digits, int from, int length) {
    if (length < SHORTEST || length > LONGEST || !luhn(digits, from, length)) {
      return null;
    }
    int leading = 0;
    for (int i = 0; i < 6; i++) {
      leading = leading * 10 + digits[from + i];
    }
    CardBrand brand = CardBrand.ofLeadingDigits(leading, 6);
    return brand != CardBrand.UNKNOWN && brand.acceptsPanLength(length) ? brand : null;
  }

  static boolean luhn(byte[] digits, int from, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int value = digits[from + length - 1 - i];
      if ((i & 1) == 1) {
        value *= 2;
        if (value > 9) {
          value -= 9;
        }
      }
      sum += value;
    }
    return sum % 10 == 0;
  }

  /** "[Visa ****4242]": the brand and the last four, as every other card finding shows it. */
  static String masked(CardBrand brand, byte[] digits, int from, int length) {
    StringBuilder masked = new StringBuilder(32).append('[').append(brand.displayName());
    masked.append(" ****");
    for (int i = from + length - 4; i < from + length; i++) {
      masked.append((char) ('0' + digits[i]));
    }
    return masked.append(']').toString();
  }
}
