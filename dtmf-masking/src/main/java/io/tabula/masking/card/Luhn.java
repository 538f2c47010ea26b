package io.tabula.masking.card;

import io.tabula.masking.memory.SecretDigits;

/** The Luhn (mod 10) check over digits that stay where they are. */
public final class Luhn {

  private Luhn() {}

  /** True for a non-empty digit sequence whose Luhn sum is a multiple of ten. */
  public static boolean isValid(SecretDigits digits) {
    int length = digits.length();
    if (length == 0) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < length; i++) {
      int value = digits.valueAt(length - 1 - i);
      if (i % 2 == 1) {
        value *= 2;
        if (value > 9) {
          value -= 9;
        }
      }
      sum += value;
    }
    return sum % 10 == 0;
  }
}
