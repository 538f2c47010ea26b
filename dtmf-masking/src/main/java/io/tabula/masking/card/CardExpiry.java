package io.tabula.masking.card;

import io.tabula.masking.memory.SecretDigits;
import java.time.YearMonth;

/**
 * Checks a card expiry keyed as {@code MMYY} without turning it into text. A card is valid through
 * the last day of its expiry month.
 */
public final class CardExpiry {

  private CardExpiry() {}

  /** What is wrong with an expiry, if anything; a flow can tell the caller which. */
  public enum Verdict {
    VALID,
    NOT_FOUR_DIGITS,
    NO_SUCH_MONTH,
    EXPIRED
  }

  /**
   * Judges {@code MMYY} digits against the current month. Two-digit years are read as 20YY, which
   * holds for every card issued this century.
   */
  public static Verdict check(SecretDigits mmyy, YearMonth now) {
    if (mmyy.length() != 4) {
      return Verdict.NOT_FOUR_DIGITS;
    }
    int month = mmyy.valueAt(0) * 10 + mmyy.valueAt(1);
    int year = 2000 + mmyy.valueAt(2) * 10 + mmyy.valueAt(3);
    if (month < 1 || month > 12) {
      return Verdict.NO_SUCH_MONTH;
    }
    return YearMonth.of(year, month).isBefore(now) ? Verdict.EXPIRED : Verdict.VALID;
  }
}
