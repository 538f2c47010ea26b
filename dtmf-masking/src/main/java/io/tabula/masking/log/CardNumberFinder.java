package io.tabula.masking.log;

import static io.tabula.masking.log.Chars.isDigit;
import static io.tabula.masking.log.Chars.isGroupSeparator;
import static io.tabula.masking.log.Chars.isWordChar;

import io.tabula.masking.card.IinTable;
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
  private static final int MAX_CARD_DIGITS = 19;

  /** Numbers joined around a card-shaped stretch that make it part of a list (audit only). */
  private static final int LIST_NEIGHBOURS = 4;

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
    int shortChainEnd = shortChainEnd(text, start);
    if (shortChainEnd >= 0) {
      return shortChainEnd;
    }
    Chain chain = new Chain(text);
    try {
      return readChain(chain, text, start, out);
    } finally {
      chain.wipe();
    }
  }

  private int readChain(Chain chain, CharSequence text, int start, List<Finding> out) {
    boolean tiedBefore = start > 0 && (text.charAt(start - 1) == '+' || tiedToWord(text, start));
    boolean tiedAfter = false;
    int pos = start;
    while (true) {
      int end = digitsEnd(text, pos);
      if (startsInsideWord(text, pos) || endsInsideWord(text, end)) {
        return end;
      }
      if (end - pos > MAX_CARD_DIGITS || !chain.add(pos, end)) {
        return endEarly(chain, tiedBefore, pos, end, out);
      }
      int next = nextGroup(text, end, chain);
      if (next < 0) {
        if (end < text.length() && isGroupSeparator(text.charAt(end)) && tiedToWordAt(text, end)) {
          tiedAfter = true;
        }
        break;
      }
      if (startsInsideWord(text, next) || endsInsideWord(text, digitsEnd(text, next))) {
        tiedAfter |= text.charAt(end) == '-' || text.charAt(end) == '.';
        break;
      }
      pos = next;
    }
    report(chain, tiedBefore, tiedAfter, out);
    return chain.end();
  }

  /**
   * Where {@link #readChain} would end a chain of fewer than 13 digits, which holds no card, or -1
   * when the chain may hold one: walks the same groups without copying a digit, so that the
   * timestamps, ids and counters of an ordinary line cost no allocation. Equivalence with {@link
   * #readChain}: a chain under 13 digits never exceeds a {@link Chain}'s room, so its reading ends
   * only where this walk ends.
   */
  private static int shortChainEnd(CharSequence text, int start) {
    int digits = 0;
    int pos = start;
    while (true) {
      int end = digitsEnd(text, pos);
      if (pos == start && (startsInsideWord(text, pos) || endsInsideWord(text, end))) {
        return end;
      }
      digits += end - pos;
      if (digits >= 13) {
        return -1;
      }
      int next = groupAfter(text, end);
      if (next < 0 || startsInsideWord(text, next) || endsInsideWord(text, digitsEnd(text, next))) {
        return end;
      }
      pos = next;
    }
  }

  /** The start of the next group after the group ending at {@code end}, or -1. */
  private static int groupAfter(CharSequence text, int end) {
    int n = text.length();
    if (end + 1 < n && isGroupSeparator(text.charAt(end)) && isDigit(text.charAt(end + 1))) {
      return end + 1;
    }
    return JsonFieldGap.digitAfter(text, end);
  }

  /**
   * A run too long for a card, or a chain too long to hold, ends the chain: the groups read so far
   * are judged, and reading goes on after the long run or at the group that did not fit (a card
   * after 118 digits and a space is still a card).
   */
  private int endEarly(Chain chain, boolean tiedBefore, int pos, int end, List<Finding> out) {
    if (chain.groups() > 0) {
      report(chain, tiedBefore, false, out);
    }
    return end - pos > MAX_CARD_DIGITS || chain.groups() == 0 ? end : pos;
  }

  /**
   * A chain tied to a word at one end (the tail of a UUID, a version, a number after {@code +}) is
   * not a card as a whole, and its tied group is the identifier's; groups further in may still be a
   * card joined to it by a space ({@code v2.621.621 4111111111111111}).
   */
  private void report(Chain chain, boolean tiedBefore, boolean tiedAfter, List<Finding> out) {
    int total = chain.digitCount();
    if (!tiedBefore && !tiedAfter && total >= 13 && total <= 19) {
      String brand = wholeChainCard(chain, total);
      if (brand != null) {
        out.add(chain.finding(0, chain.groups() - 1, reason(chain, brand, 0, total, false)));
        return;
      }
    }
    int first = tiedBefore ? 1 : 0;
    int limit = chain.groups() - (tiedAfter ? 1 : 0);
    while (first < limit) {
      int last = firstCardEndingAt(chain, first, limit);
      if (last >= 0) {
        int from = chain.digitOffset(first);
        int count = chain.digitOffset(last) + chain.groupDigits(last) - from;
        String brand = IinTable.standard().brandOf(chain.digits(), from, count, true);
        out.add(chain.finding(first, last, reason(chain, brand, from, count, true)));
        first = last + 1;
      } else {
        first++;
      }
    }
  }

  /** The brand (or "" for an unbranded Luhn-valid number when masking) of the whole chain. */
  private String wholeChainCard(Chain chain, int total) {
    boolean lenient = !policy.requireCardBrand();
    String brand = IinTable.standard().brandOf(chain.digits(), 0, total, lenient);
    if (policy.requireCardBrand()) {
      boolean grouped = chain.jsonSplit() || cardGrouping(chain, 0, chain.groups() - 1);
      return brand != null && grouped && !falseAlarm(chain, 0, chain.groups() - 1) ? brand : null;
    }
    if (brand != null) {
      return brand;
    }
    return IinTable.luhnValid(chain.digits(), 0, total) ? "" : null;
  }

  /**
   * Whole groups from {@code first} that make a card, or -1. Never the whole chain. Masking takes
   * what it takes for a whole chain (Luhn, or a brand without a check digit), so that a second pass
   * over masked text finds nothing new. For auditors, a list of numbers is not read as a card: the
   * groups must be grouped as a card is printed, and a neighbour group of four digits joined the
   * same way makes it a list.
   */
  private int firstCardEndingAt(Chain chain, int first, int limit) {
    int count = 0;
    for (int last = first; last < limit; last++) {
      count += chain.groupDigits(last);
      if (count > 19) {
        return -1;
      }
      boolean whole = first == 0 && last == chain.groups() - 1;
      if (!whole && count >= 13 && subChainCard(chain, first, last, count)) {
        return last;
      }
    }
    return -1;
  }

  private boolean subChainCard(Chain chain, int first, int last, int count) {
    int from = chain.digitOffset(first);
    if (!policy.requireCardBrand()) {
      return IinTable.luhnValid(chain.digits(), from, count)
          || IinTable.standard().brandOf(chain.digits(), from, count, true) != null;
    }
    return IinTable.standard().brandOf(chain.digits(), from, count) != null
        && auditAccepts(chain, first, last);
  }

  private static boolean auditAccepts(Chain chain, int first, int last) {
    if (falseAlarm(chain, first, last)) {
      return false;
    }
    if (first == last || chain.jsonSplit()) {
      return true;
    }
    char inner = chain.separatorBefore(first + 1);
    return cardGrouping(chain, first, last)
        && !listNeighbour(chain, first - 1, inner)
        && !listNeighbour(chain, last + 1, chain.separatorBefore(last))
        && numbersAround(chain, first, last, inner) < LIST_NEIGHBOURS;
  }

  /**
   * Numbers joined to a candidate by its own separator, before and after it. A card read out is
   * followed by its expiry month, year and code at most (three numbers): four or more make the
   * candidate a stretch of a list ({@code latency histogram ms: 9 9 3309 ... 4597 3446 451 ...}).
   */
  private static int numbersAround(Chain chain, int first, int last, char inner) {
    int count = 0;
    for (int g = first - 1; g >= 0 && chain.separatorBefore(g + 1) == inner; g--) {
      count++;
    }
    for (int g = last + 1; g < chain.groups() && chain.separatorBefore(g) == inner; g++) {
      count++;
    }
    return count;
  }

  /**
   * Whether the group {@code neighbour} next to a candidate is four digits joined by the same
   * separator as the candidate's own groups: then the candidate is part of a list of numbers.
   */
  private static boolean listNeighbour(Chain chain, int neighbour, char innerSeparator) {
    if (neighbour < 0 || neighbour >= chain.groups() || chain.groupDigits(neighbour) != 4) {
      return false;
    }
    int joint = neighbour == 0 ? 1 : neighbour;
    char separator =
        neighbour + 1 < chain.groups() && chain.separatorBefore(neighbour + 1) == innerSeparator
            ? innerSeparator
            : chain.separatorBefore(joint);
    return separator == innerSeparator;
  }

  /**
   * Whether groups {@code first..last} are grouped as cards are printed: one run, fours with a
   * shorter or longer last group (4-4-4-4, 4-4-4-4-3, 4-4-4-7), or 4-6-5 / 4-6-4 (American Express,
   * Diners Club).
   */
  private static boolean cardGrouping(Chain chain, int first, int last) {
    if (first == last) {
      return true;
    }
    if (last - first == 2
        && chain.groupDigits(first) == 4
        && chain.groupDigits(first + 1) == 6
        && chain.groupDigits(last) >= 4
        && chain.groupDigits(last) <= 5) {
      return true;
    }
    for (int g = first; g < last; g++) {
      if (chain.groupDigits(g) != 4) {
        return false;
      }
    }
    return chain.groupDigits(last) <= 7;
  }

  /**
   * Audit only: digits that a field name, or an IBAN around them, shows are not a card's (a {@code
   * trace_id}, an {@code elapsed_ns}, a bank account).
   */
  private static boolean falseAlarm(Chain chain, int first, int last) {
    int start = chain.start(first);
    int end = chain.endOf(last);
    return FieldNames.namesNonCardData(FieldNames.before(chain.text(), start))
        || Iban.covers(chain.text(), start, end);
  }

  private static Reason reason(Chain chain, String brand, int from, int count, boolean inside) {
    StringBuilder rule = new StringBuilder().append(count).append(" digits");
    if (brand == null || brand.isEmpty()) {
      rule.append(" with a valid Luhn check digit (masked whatever the brand)");
    } else {
      rule.append(" in ").append(brand).append("'s IIN range");
      boolean luhn = IinTable.luhnValid(chain.digits(), from, count);
      rule.append(luhn ? ", Luhn check digit valid" : " (a brand without a check digit)");
    }
    if (chain.jsonSplit()) {
      rule.append(", split across JSON fields");
    } else if (inside) {
      rule.append(", inside a longer run of digit groups");
    } else if (chain.groups() > 1) {
      rule.append(", in ").append(chain.groups()).append(" groups");
    }
    String field = FieldNames.before(chain.text(), chain.start(0));
    return new Reason(rule.toString(), field == null ? "" : field, brand == null ? "" : brand, "");
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

  /**
   * A chain preceded by "word-" or "word." is the tail of an identifier (a UUID, a version); a word
   * of digits only is a number, not an identifier.
   */
  private static boolean tiedToWord(CharSequence text, int start) {
    char before = text.charAt(start - 1);
    if ((before != '-' && before != '.') || start < 2) {
      return false;
    }
    for (int i = start - 2; i >= 0 && isWordChar(text.charAt(i)); i--) {
      if (!isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
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
    private final char[] separators = new char[MAX_GROUPS];
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
      separators[groups] =
          groups == 0 ? '\0' : start == ends[groups - 1] + 1 ? text.charAt(start - 1) : 'J';
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

    CharSequence text() {
      return text;
    }

    boolean jsonSplit() {
      return jsonSplit;
    }

    int start(int group) {
      return starts[group];
    }

    int endOf(int group) {
      return ends[group];
    }

    /** The separator before a group: a space, dash or dot, {@code J} for a JSON field gap. */
    char separatorBefore(int group) {
      return group <= 0 || group >= groups ? '\0' : separators[group];
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

    Finding finding(int first, int last, Reason reason) {
      int from = offsets[first];
      int count = offsets[last] + groupDigits(last) - from;
      char[] card = new char[count];
      System.arraycopy(digits, from, card, 0, count);
      String replacement;
      try {
        replacement =
            spansJsonGap(first, last)
                ? starred(starts[first], ends[last], count, first == 0 && last == groups - 1)
                : CardMasks.card("", reason.brand(), card, count);
      } finally {
        Arrays.fill(card, '\0');
      }
      return new Finding(starts[first], ends[last], SecretKind.CARD_NUMBER, replacement, reason);
    }

    private boolean spansJsonGap(int first, int last) {
      for (int g = first + 1; g <= last; g++) {
        if (separators[g] == 'J') {
          return true;
        }
      }
      return false;
    }

    /**
     * JSON split: keep the structure, star every digit but the card's last four, including digits
     * between the halves (a key such as {@code "pan2"}), so the finding shows nothing more. A card
     * that is only part of its chain shows no digit at all: its last four could join the digits
     * left after it into a number a second look would take for a card.
     */
    private String starred(int from, int to, int count, boolean showLastFour) {
      StringBuilder out = new StringBuilder(to - from);
      int seen = 0;
      for (int i = from; i < to; i++) {
        char c = text.charAt(i);
        if (isDigit(c)) {
          boolean cardDigit = inGroup(i);
          seen += cardDigit ? 1 : 0;
          out.append(showLastFour && cardDigit && seen > count - 4 ? c : '*');
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
