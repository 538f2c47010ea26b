package io.tabula.masking.log;

import io.tabula.masking.card.IinTable;

/** Replacement texts: a card shows its brand and last four digits at most, nothing else. */
final class CardMasks {

  private CardMasks() {}

  /** {@code [Visa ****1111]}, or {@code [card ****1111]} for a number of no known brand. */
  static String card(String label, String brand, char[] digits, int count) {
    StringBuilder text = new StringBuilder(label.length() + 24).append('[');
    if (!label.isEmpty()) {
      text.append(label).append(' ');
    }
    text.append(brand == null || brand.isEmpty() ? "card" : brand).append(" ****");
    text.append(digits, count - 4, 4);
    return text.append(']').toString();
  }

  /** The brand of the {@code count} digits at {@code from} (IIN, length, check digit), or null. */
  static String brand(char[] digits, int from, int count) {
    return IinTable.standard().brandOf(digits, from, count);
  }

  static boolean luhnValid(char[] digits, int from, int count) {
    return IinTable.luhnValid(digits, from, count);
  }
}
