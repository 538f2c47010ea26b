package io.tabula.engine.residue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The residue test's cards: distinct Luhn-valid Visa numbers (prefix 4, 16 digits) that the gateway
 * simulator approves, each with its own expiry and CVC, and a control set of expiry+CVC codes drawn
 * from the same distribution but never keyed. Everything comes from a fixed seed.
 *
 * <p>Why a control set: a 7-digit string occurs by chance in a large dump; the control codes
 * measure that chance rate in each scanned place, so a keyed hit can be told from noise (see
 * docs/auditing.md, "The residue test over the whole product").
 */
final class PaymentCards {

  /**
   * Stripe's test numbers, which the simulator declines or treats specially; the calls must pay, so
   * none of them may be drawn.
   */
  static final Set<String> SIMULATOR_TEST_CARDS =
      Set.of(
          "4242424242424242",
          "4000000000000002",
          "4000000000009995",
          "4000000000000036",
          "4000000000000069",
          "4000000000000127",
          "4000000000000119");

  /** Expiry years drawn: 2027 to 2099, all in the future, read by the engine as 20YY. */
  static final int FIRST_YEAR = 27;

  static final int LAST_YEAR = 99;

  private PaymentCards() {}

  /**
   * {@code count} cards with distinct numbers; their expiry+CVC codes are {@code distinctCodes}
   * different codes, handed out in turn (so each code is keyed by {@code count / distinctCodes}
   * calls). Fewer distinct codes lower the chance that a code turns up by accident in a scanned
   * place, while a leak is found just as well: whatever call leaks, its code is one of them.
   */
  static List<KeyedCard> keyed(int count, int distinctCodes, long seed) {
    Random random = new Random(seed);
    List<String> numbers = new ArrayList<>();
    for (String number : CardNumbers.generate(count + SIMULATOR_TEST_CARDS.size(), seed)) {
      if (!SIMULATOR_TEST_CARDS.contains(number) && numbers.size() < count) {
        numbers.add(number);
      }
    }
    Set<String> taken = new HashSet<>();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < distinctCodes; i++) {
      codes.add(drawNew(random, taken));
    }
    List<KeyedCard> cards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = codes.get(i % distinctCodes);
      cards.add(new KeyedCard(numbers.get(i), code.substring(0, 4), code.substring(4)));
    }
    return List.copyOf(cards);
  }

  /** {@code count} expiry+CVC codes from the same distribution, none of them in {@code keyed}. */
  static List<String> controlCodes(int count, long seed, List<KeyedCard> keyed) {
    Random random = new Random(seed);
    Set<String> taken = new HashSet<>();
    keyed.forEach(card -> taken.add(card.expiryThenCvc()));
    Set<String> control = new LinkedHashSet<>();
    while (control.size() < count) {
      control.add(drawNew(random, taken));
    }
    return List.copyOf(control);
  }

  /**
   * MM uniform in 01..12, YY uniform in 27..99, CVC uniform in 000..999, except runs like 1234567
   * (the seeded ticket 12345678 and digit tables hold them by design); not in {@code taken}.
   */
  private static String drawNew(Random random, Set<String> taken) {
    while (true) {
      int month = 1 + random.nextInt(12);
      int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
      int cvc = random.nextInt(1000);
      String code = String.format("%02d%02d%03d", month, year, cvc);
      if (!isRun(code) && taken.add(code)) {
        return code;
      }
    }
  }

  /** Whether each digit is the previous one plus one, or minus one. */
  static boolean isRun(String digits) {
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < digits.length(); i++) {
      int step = digits.charAt(i) - digits.charAt(i - 1);
      up &= step == 1;
      down &= step == -1;
    }
    return up || down;
  }
}
