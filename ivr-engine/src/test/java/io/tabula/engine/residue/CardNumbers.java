package io.tabula.engine.residue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Distinct, Luhn-valid 16-digit test card numbers (Visa-like prefix 4), from a fixed seed. */
public final class CardNumbers {

  private CardNumbers() {}

  public static List<String> generate(int count, long seed) {
    Random random = new Random(seed);
    Set<String> numbers = new LinkedHashSet<>();
    while (numbers.size() < count) {
      StringBuilder digits = new StringBuilder("4");
      for (int i = 0; i < 14; i++) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      digits.append(checkDigit(digits));
      numbers.add(digits.toString());
    }
    return List.copyOf(numbers);
  }

  /** The Luhn check digit for {@code payload} (all digits but the last). */
  static char checkDigit(CharSequence payload) {
    int sum = 0;
    for (int i = 0; i < payload.length(); i++) {
      int digit = payload.charAt(payload.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  static boolean luhnValid(String number) {
    return checkDigit(number.substring(0, number.length() - 1))
        == number.charAt(number.length() - 1);
  }
}
