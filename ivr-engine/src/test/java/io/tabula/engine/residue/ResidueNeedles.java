package io.tabula.engine.residue;

import java.util.List;

/**
 * What the whole-product residue test keys and looks for: the calls' cards, never-keyed control
 * codes, and a canary card and code that the test plants on purpose (and that the scans must find),
 * with the scanner for all of them.
 *
 * <pre>{@code
 * ResidueNeedles needles = ResidueNeedles.draw(1_000, 100, 400_000, seed);
 * Findings findings = needles.scanner().scan(file);
 * }</pre>
 */
record ResidueNeedles(
    List<KeyedCard> keyed, List<String> control, KeyedCard canary, DumpScanner scanner) {

  static final String CARDS = "keyed card numbers";
  static final String CODES_WHOLE = "keyed expiry+CVC, whole run";
  static final String CODES_ANY = "keyed expiry+CVC, anywhere";
  static final String CONTROL_WHOLE = "control expiry+CVC, whole run";
  static final String CONTROL_ANY = "control expiry+CVC, anywhere";
  static final String CANARY_CARD = "canary card number";
  static final String CANARY_CODE = "canary expiry+CVC";

  /**
   * {@code calls} cards with distinct numbers sharing {@code keyedCodes} expiry+CVC codes, {@code
   * controlCodes} other codes, and a canary with a number and code of its own.
   */
  static ResidueNeedles draw(int calls, int keyedCodes, int controlCodes, long seed) {
    List<KeyedCard> cards = PaymentCards.keyed(calls + 1, keyedCodes, seed);
    List<KeyedCard> keyed = cards.subList(0, calls);
    List<String> unkeyed = PaymentCards.controlCodes(controlCodes + 1, seed + 1, keyed);
    String canaryCode = unkeyed.getLast();
    KeyedCard canary =
        new KeyedCard(
            cards.getLast().number(), canaryCode.substring(0, 4), canaryCode.substring(4));
    List<String> control = unkeyed.subList(0, controlCodes);
    return new ResidueNeedles(List.copyOf(keyed), control, canary, scanner(keyed, control, canary));
  }

  private static DumpScanner scanner(
      List<KeyedCard> keyed, List<String> control, KeyedCard canary) {
    List<String> codes = keyed.stream().map(KeyedCard::expiryThenCvc).distinct().toList();
    return DumpScanner.of(
        List.of(
            Needles.of(CARDS, keyed.stream().map(KeyedCard::number).toList()),
            Needles.wholeRuns(CODES_WHOLE, codes),
            Needles.of(CODES_ANY, codes),
            Needles.wholeRuns(CONTROL_WHOLE, control),
            Needles.of(CONTROL_ANY, control),
            Needles.of(CANARY_CARD, List.of(canary.number())),
            Needles.of(CANARY_CODE, List.of(canary.expiryThenCvc()))));
  }

  int distinctKeyedCodes() {
    return (int) keyed.stream().map(KeyedCard::expiryThenCvc).distinct().count();
  }

  /** The canary as a system property value: both planted strings, each a run of its own. */
  String canaryProperty() {
    return canary.number() + "/" + canary.expiryThenCvc();
  }
}
