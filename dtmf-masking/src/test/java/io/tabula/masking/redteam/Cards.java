package io.tabula.masking.redteam;

import java.util.Random;

/** Card numbers for the red-team corpus: a brand's IIN, random digits, a valid Luhn digit. */
final class Cards {

  /** IIN prefix and PAN length of the brands a contact center sees, common ones weighted up. */
  static final String[][] COMMON = {
    {"4", "16"}, {"4", "16"}, {"4", "16"}, {"51", "16"}, {"55", "16"}, {"2221", "16"},
    {"2720", "16"}, {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3528", "16"},
    {"36", "14"}, {"62", "16"}, {"4", "13"}, {"4", "19"}
  };

  /** Brands with a published IIN range beyond the big four (issue #18). */
  static final String[][] WIDER_BRANDS = {
    {"2200", "16", "Mir"}, {"2204", "16", "Mir"}, {"636368", "16", "Elo"},
    {"504175", "16", "Elo"}, {"451416", "16", "Elo"}, {"606282", "16", "Hipercard"},
    {"6759", "18", "Maestro UK"}, {"5018", "16", "Maestro"}, {"6304", "19", "Maestro"},
    {"624", "19", "UnionPay"}, {"81", "16", "RuPay"}, {"508", "16", "RuPay"},
    {"9792", "16", "Troy"}, {"506099", "19", "Verve"}, {"650002", "16", "Verve"},
    {"5019", "16", "Dankort"}, {"357", "16", "JCB"}
  };

  private final Random random;

  Cards(Random random) {
    this.random = random;
  }

  String common() {
    String[] brand = COMMON[random.nextInt(COMMON.length)];
    return number(brand[0], Integer.parseInt(brand[1]));
  }

  String number(String prefix, int length) {
    StringBuilder pan = new StringBuilder(prefix);
    while (pan.length() < length - 1) {
      pan.append((char) ('0' + random.nextInt(10)));
    }
    return pan.append(checkDigit(pan)).toString();
  }

  static char checkDigit(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int value = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        value *= 2;
        if (value > 9) {
          value -= 9;
        }
      }
      sum += value;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  static boolean luhn(CharSequence digits) {
    return checkDigit(digits.subSequence(0, digits.length() - 1))
        == digits.charAt(digits.length() - 1);
  }

  String digits(int length) {
    StringBuilder out = new StringBuilder(length);
    out.append((char) ('1' + random.nextInt(9)));
    while (out.length() < length) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  String expiry() {
    return String.format("%02d%02d", 1 + random.nextInt(12), 27 + random.nextInt(8));
  }

  String cvc(int length) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }
}
