package io.tabula.masking.card;

import io.tabula.masking.memory.SecretDigits;
import java.util.List;
import java.util.Set;

/**
 * Card brands by issuer identification number (IIN) range, with the PAN and CVC lengths each brand
 * uses. Recognition reads at most the first six digits of a field in place; the longest matching
 * prefix wins (so 622126 is Discover, 62 otherwise UnionPay).
 */
public enum CardBrand {
  VISA("Visa", Set.of(13, 16, 19), 3, List.of(IinRange.of(4))),
  MASTERCARD("Mastercard", Set.of(16), 3, List.of(IinRange.of(51, 55), IinRange.of(2221, 2720))),
  AMERICAN_EXPRESS("American Express", Set.of(15), 4, List.of(IinRange.of(34), IinRange.of(37))),
  DISCOVER(
      "Discover",
      Set.of(16, 17, 18, 19),
      3,
      List.of(
          IinRange.of(6011), IinRange.of(644, 649), IinRange.of(65), IinRange.of(622126, 622925))),
  JCB("JCB", Set.of(16, 17, 18, 19), 3, List.of(IinRange.of(3528, 3589))),
  DINERS_CLUB(
      "Diners Club",
      Set.of(14, 15, 16, 17, 18, 19),
      3,
      List.of(IinRange.of(300, 305), IinRange.of(3095), IinRange.of(36), IinRange.of(38, 39))),
  UNIONPAY("UnionPay", Set.of(16, 17, 18, 19), 3, List.of(IinRange.of(62))),
  MAESTRO(
      "Maestro",
      Set.of(12, 13, 14, 15, 16, 17, 18, 19),
      3,
      List.of(
          IinRange.of(5018),
          IinRange.of(5020),
          IinRange.of(5038),
          IinRange.of(5893),
          IinRange.of(6304),
          IinRange.of(6759),
          IinRange.of(6761, 6763))),
  UNKNOWN("Unknown card", Set.of(), 0, List.of());

  private final String displayName;
  private final Set<Integer> panLengths;
  private final int cvcLength;
  private final List<IinRange> ranges;

  CardBrand(String displayName, Set<Integer> panLengths, int cvcLength, List<IinRange> ranges) {
    this.displayName = displayName;
    this.panLengths = panLengths;
    this.cvcLength = cvcLength;
    this.ranges = ranges;
  }

  /** The brand of a (possibly partial) card number, or {@link #UNKNOWN}. */
  public static CardBrand of(SecretDigits pan) {
    int digits = Math.min(pan.length(), MAX_IIN_DIGITS);
    return digits == 0 ? UNKNOWN : ofLeadingDigits(pan.prefix(digits), digits);
  }

  /**
   * The brand for a number whose first {@code digits} digits (at most six, the IIN) form {@code
   * leading}. Log scanners use it: they see card-like text, never a {@link SecretDigits} view.
   *
   * <pre>{@code
   * CardBrand.ofLeadingDigits(411111, 6); // VISA
   * }</pre>
   */
  public static CardBrand ofLeadingDigits(int leading, int digits) {
    if (digits < 1 || digits > MAX_IIN_DIGITS) {
      throw new IllegalArgumentException("an IIN prefix has 1 to 6 digits, not " + digits);
    }
    CardBrand best = UNKNOWN;
    int bestDigits = 0;
    for (CardBrand brand : values()) {
      for (IinRange range : brand.ranges) {
        if (range.digits() > bestDigits
            && range.digits() <= digits
            && range.contains(leading / POWERS_OF_TEN[digits - range.digits()])) {
          best = brand;
          bestDigits = range.digits();
        }
      }
    }
    return best;
  }

  private static final int MAX_IIN_DIGITS = 6;
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

  /** The name a flow speaks or shows, e.g. "American Express". */
  public String displayName() {
    return displayName;
  }

  /** Whether a PAN of this many digits is possible for the brand. */
  public boolean acceptsPanLength(int digits) {
    return panLengths.contains(digits);
  }

  public Set<Integer> panLengths() {
    return panLengths;
  }

  /** The CVC (CID for American Express) length: 4 for American Express, 3 for the others. */
  public int cvcLength() {
    return cvcLength;
  }
}
