package io.tabula.engine.residue;

/**
 * One card a residue-test call pays with, as the caller keys it: number, then expiry as {@code
 * MMYY}, then CVC, the order of the shipped parking flow. {@link #toString()} shows the last four
 * only, so an assertion message cannot put a test number into the build's reports (which the
 * project audits for card numbers too).
 */
record KeyedCard(String number, String expiry, String cvc) {

  /** The seven digits a caller keys after the card number: {@code MMYY} then the CVC. */
  String expiryThenCvc() {
    return expiry + cvc;
  }

  String lastFour() {
    return number.substring(number.length() - 4);
  }

  /**
   * The key script of a paid parking-ticket call for {@link io.tabula.engine.demo.FlowAwareCaller}:
   * ticket, "1" to pay, card with #, expiry, CVC with #.
   */
  String parkingTicketKeys(String ticket) {
    return ticket + " 1 " + number + "# " + expiry + " " + cvc + "#";
  }

  @Override
  public String toString() {
    return "KeyedCard[ending " + lastFour() + "]";
  }
}
