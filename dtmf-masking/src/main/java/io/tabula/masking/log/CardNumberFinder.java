package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;
import static io.tabula.masking.log.Chars.isGroupSeparator;
import static io.tabula.masking.log.Chars.isWordChar;

import io.tabula.masking.card.CardBrand;
import java.util.Arrays;
import java.util.List;

/**
 * Finds card numbers: chains of digit groups joined by one space, dash or dot ({@code 4111 1111
 * 1111 1111}), or split across JSON fields ({@code "pan1":"411111","pan2":"1111111111"}), with 13
 * to 19 digits in all and a valid Luhn check digit.
 *
 * <p>Digits glued to text are still seen ({@code 4111111111111111x}, {@code pan_4111...}): a letter
 * other than a-f, or an underscore, is a boundary. What it deliberately does not see as a card:
 * digits inside a word made only of hexadecimal characters (hashes, trace ids), chains tied by a
 * dash or dot to a word (the rest of a UUID), chains after a {@code +} (international phone
 * numbers), and single runs of more than 19 digits.
 */
final class CardNumberFinder {

  private static final int MAX_GROUPS = 32;
  private static final int MAX_DIGITS = 128;

  private final ScanPolicy policy;

  CardNumberFinder(ScanPolicy policy) {
    this.policy = policy;
  }

  void find(CharSequence text, List<Finding> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      i = isDigit(text.charAt(i)) ? chainFrom(text, i, out) : i + 1;
    }
  }

  /**
   * Reads one chain starting at {@code start}, reports what it holds, returns where it ended. The
   * chain's copy of the digits is zeroed before it becomes garbage.
   */
  private int chainFrom(CharSequence text, int start, List<Finding> out) {
    Chain chain = new Chain(text);
    try {
      return readChain(chain, text, start, out);
    } finally {
      chain.wipe();
    }
  }

  private int readChain(Chain chain, CharSequence text, int start, List<Finding> out) {
    boolean ignored = start > 0 && (text.charAt(start - 1) == '+' || tiedToWord(text, start));
    int pos = start;
    while (true) {
      int end = digitsEnd(text, pos);
      if (startsInsideWord(text, pos) || endsInsideWord(text, end)) {
        return end;
      }
      if (!chain.add(pos, end)) {
        return end;
      }
      int next = nextGroup(text, end, chain);
      if (next < 0) {
        if (end < text.length() && isGroupSeparator(text.charAt(end)) && tiedToWordAt(text, end)) {
          ignored = true;
        }
        break;
      }
      if (startsInsideWord(text, next) || endsInsideWord(text, digitsEnd(text, next))) {
        ignored |= text.charAt(end) == '-' || text.charAt(end) == '.';
        break;
      }
      pos = next;
    }
    if (!ignored) {
      report(chain, out);
    }
    return chain.end();
  }

  private void report(Chain chain, List<Finding> out) {
    int total = chain.digitCount();
    if (total >= 13 && total <= 19 && acceptable(chain, 0, total, policy.requireCardBrand())) {
      out.add(chain.finding(0, chain.groups() - 1));
      return;
    }
    int first = 0;
    while (first < chain.groups()) {
      int last = firstCardEndingAt(chain, first);
      if (last >= 0) {
        out.add(chain.finding(first, last));
        first = last + 1;
      } else {
        first++;
      }
    }
  }

  /** Whole groups from {@code first} that make a branded card, or -1. Never the whole chain. */
  private int firstCardEndingAt(Chain chain, int first) {
    int count = 0;
    for (int last = first; last < chain.groups(); last++) {
      count += chain.groupDigits(last);
      if (count > 19) {
        return -1;
      }
      boolean whole = first == 0 && last == chain.groups() - 1;
      if (!whole && count >= 13 && acceptable(chain, chain.digitOffset(first), count, true)) {
        return last;
      }
    }
    return -1;
  }

  private static boolean acceptable(Chain chain, int from, int count, boolean needBrand) {
    char[] digits = chain.digits();
    if (!CardMasks.luhnValid(digits, from, count)) {
      return false;
    }
    if (!needBrand) {
      return true;
    }
    CardBrand brand = CardMasks.brand(digits, from, count);
    return brand != CardBrand.UNKNOWN && brand.acceptsPanLength(count);
  }

  /** The start of the next group after the group ending at {@code end}, or -1. */
  private static int nextGroup(CharSequence text, int end, Chain chain) {
    int n = text.length();
    if (end + 1 < n && isGroupSeparator(text.charAt(end)) && isDigit(text.charAt(end + 1))) {
      return end + 1;
    }
    int next = JsonFieldGap.digitAfter(text, end);
    if (next > 0) {
      chain.markJsonSplit();
    }
    return next;
  }

  static int digitsEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * Whether the digits before {@code start} are glued to a hexadecimal word ({@code
   * ab12cd4111...}): a hash or a trace id, whose digits are not a card's. Glue with any other
   * letter or an underscore ({@code x4111...}, {@code pan_4111...}) is a boundary between text and
   * a number.
   */
  private static boolean startsInsideWord(CharSequence text, int start) {
    int i = start;
    while (i > 0 && isWordChar(text.charAt(i - 1))) {
      i--;
    }
    return i < start && allHex(text, i, start);
  }

  /** The same after {@code end}: {@code 4111...abc} is a hex id, {@code 4111...x} is not. */
  private static boolean endsInsideWord(CharSequence text, int end) {
    int i = end;
    while (i < text.length() && isWordChar(text.charAt(i))) {
      i++;
    }
    return i > end && allHex(text, end, i);
  }

  private static boolean allHex(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Chars.isHexDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A chain preceded by "word-" or "word." is the tail of an identifier (a UUID, a version). */
  private static boolean tiedToWord(CharSequence text, int start) {
    char before = text.charAt(start - 1);
    return (before == '-' || before == '.') && start > 1 && isWordChar(text.charAt(start - 2));
  }

  /** A chain followed by "-word" or ".word" is the head of an identifier. */
  private static boolean tiedToWordAt(CharSequence text, int separator) {
    char c = text.charAt(separator);
    return (c == '-' || c == '.')
        && separator + 1 < text.length()
        && Chars.isLetter(text.charAt(separator + 1));
  }

  /** The digit groups of one chain and their digits, in order. */
  private static final class Chain {
    private final CharSequence text;
    private final int[] starts = new int[MAX_GROUPS];
    private final int[] ends = new int[MAX_GROUPS];
    private final int[] offsets = new int[MAX_GROUPS];
    private final char[] digits = new char[MAX_DIGITS];
    private int groups;
    private int digitCount;
    private boolean jsonSplit;

    Chain(CharSequence text) {
      this.text = text;
    }

    boolean add(int start, int end) {
      if (groups == MAX_GROUPS || digitCount + (end - start) > MAX_DIGITS) {
        return false;
      }
      starts[groups] = start;
      ends[groups] = end;
      offsets[groups] = digitCount;
      for (int i = start; i < end; i++) {
        digits[digitCount++] = text.charAt(i);
      }
      groups++;
      return true;
    }

    /** Zeroes the copy of the digits: a log line's card must not linger in a garbage array. */
    void wipe() {
      Arrays.fill(digits, 0, digitCount, '\0');
    }

    void markJsonSplit() {
      jsonSplit = true;
    }

    int groups() {
      return groups;
    }

    int end() {
      return groups == 0 ? 0 : ends[groups - 1];
    }

    int digitCount() {
      return digitCount;
    }

    char[] digits() {
      return digits;
    }

    int digitOffset(int group) {
      return offsets[group];
    }

    int groupDigits(int group) {
      return ends[group] - starts[group];
    }

    Finding finding(int first, int last) {
      int from = offsets[first];
      int count = offsets[last] + groupDigits(last) - from;
      char[] card = new char[count];
      System.arraycopy(digits, from, card, 0, count);
      String replacement;
      try {
        replacement = jsonSplit ? starred(starts[first], ends[last], count) : cardMask(card, count);
      } finally {
        Arrays.fill(card, '\0');
      }
      return new Finding(starts[first], ends[last], SecretKind.CARD_NUMBER, replacement);
    }

    private static String cardMask(char[] card, int count) {
      return CardMasks.card("", CardMasks.brand(card, 0, count), card, count);
    }

    /**
     * JSON split: keep the structure, star every digit but the card's last four, including digits
     * between the halves (a key such as {@code "pan2"}), so the finding shows nothing more.
     */
    private String starred(int from, int to, int count) {
      StringBuilder out = new StringBuilder(to - from);
      int seen = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (isDigit(c)) {
          boolean cardDigit = inGroup(i);
          seen += cardDigit ? 1 : 0;
          out.append(cardDigit && seen > count - 4 ? c : '*');
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    private boolean inGroup(int index) {
      for (int g = 0; g < groups; g++) {
        if (index >= starts[g] && index < ends[g]) {
          return true;
        }
      }
      return false;
    }
  }
}
