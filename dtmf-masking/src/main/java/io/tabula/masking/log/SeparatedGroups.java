package io.tabula.masking.log;

import io.tabula.masking.card.IinTable;
import java.util.Arrays;
import java.util.List;

/**
 * Card numbers whose digit groups are joined by a separator other than one space, dash or dot
 * (which {@link CardNumberFinder} reads): {@code 4111/1111/1111/1111}, {@code 4111 - 1111 - ...},
 * {@code 4111,1111,...}, a tab, several spaces, a no-break space, an en dash, a line break inside
 * one message, {@code "4111","1111",...}. The separator is one to three characters that are not
 * letters or digits, the same between every group, and the groups are grouped as cards are printed
 * (4-4-4-4, 4-4-4-4-3, 4-4-4-7, 4-6-5, 4-6-4), so dates, times and lists of small numbers are not
 * read as cards. The number must be in a brand's IIN range with the brand's check digit, for
 * masking and auditing alike. One pass, no backtracking.
 */
final class SeparatedGroups {

  private static final int MAX_SEPARATOR = 3;
  private static final int MAX_GROUPS = 5;

  private final ScanPolicy policy;

  SeparatedGroups(ScanPolicy policy) {
    this.policy = policy;
  }

  /**
   * Whether a start this finder would follow ends at {@code i}, after four digits: the four digits
   * stand alone before, then come one to three characters that are neither letters nor digits (not
   * one space, dash or dot), then a digit. No allocation: almost every line answers false.
   */
  static boolean startsAfterFour(CharSequence text, int i) {
    if (isNumberChar(text, i - 5)) {
      return false;
    }
    int end = separatorEnd(text, i);
    return end > i
        && end < text.length()
        && Chars.isDigit(text.charAt(end))
        && !plainSeparator(text, i, end - i);
  }

  private static boolean isNumberChar(CharSequence text, int at) {
    return at >= 0 && isNumberChar(text.charAt(at));
  }

  void find(CharSequence text, List<Finding> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (Chars.isDigit(text.charAt(i)) && (i == 0 || !isNumberChar(text.charAt(i - 1)))) {
        i = candidateFrom(text, i, out);
      } else {
        i++;
      }
    }
  }

  /** Reads groups from {@code start}; returns where to go on. */
  private int candidateFrom(CharSequence text, int start, List<Finding> out) {
    int firstEnd = CardNumberFinder.digitsEnd(text, start);
    if (firstEnd - start != 4) {
      return firstEnd;
    }
    int separatorEnd = separatorEnd(text, firstEnd);
    int separatorLength = separatorEnd - firstEnd;
    if (separatorLength == 0
        || separatorEnd >= text.length()
        || !Chars.isDigit(text.charAt(separatorEnd))
        || plainSeparator(text, firstEnd, separatorLength)) {
      return firstEnd;
    }
    int[] ends = new int[MAX_GROUPS];
    int[] starts = new int[MAX_GROUPS];
    starts[0] = start;
    ends[0] = firstEnd;
    int groups = 1;
    int at = separatorEnd;
    while (groups < MAX_GROUPS) {
      int end = CardNumberFinder.digitsEnd(text, at);
      starts[groups] = at;
      ends[groups++] = end;
      if (!sameSeparatorAt(text, end, firstEnd, separatorLength)) {
        break;
      }
      at = end + separatorLength;
    }
    int end = judge(text, starts, ends, groups, out);
    return end > 0 ? end : firstEnd;
  }

  /**
   * Tries the longest card-grouped prefix of the groups first; returns the end of the card found,
   * or -1 (the next group is then tried as a start: {@code 12/4111/1111/...}).
   */
  private int judge(CharSequence text, int[] starts, int[] ends, int groups, List<Finding> out) {
    int last = ends[groups - 1];
    int usable = last < text.length() && isNumberChar(text.charAt(last)) ? groups - 1 : groups;
    for (int count = usable; count >= 3; count--) {
      if (grouped(starts, ends, count) && report(text, starts, ends, count, out)) {
        return ends[count - 1];
      }
    }
    return -1;
  }

  private static boolean grouped(int[] starts, int[] ends, int count) {
    int digits = 0;
    for (int g = 0; g < count; g++) {
      digits += ends[g] - starts[g];
    }
    if (digits < 13 || digits > 19) {
      return false;
    }
    int second = ends[1] - starts[1];
    int lastSize = ends[count - 1] - starts[count - 1];
    if (count == 3 && second == 6 && lastSize >= 4 && lastSize <= 5) {
      return true;
    }
    for (int g = 1; g < count - 1; g++) {
      if (ends[g] - starts[g] != 4) {
        return false;
      }
    }
    return lastSize >= 1 && lastSize <= 7;
  }

  private boolean report(
      CharSequence text, int[] starts, int[] ends, int count, List<Finding> out) {
    char[] digits = new char[19];
    int length = 0;
    try {
      for (int g = 0; g < count; g++) {
        for (int i = starts[g]; i < ends[g]; i++) {
          digits[length++] = text.charAt(i);
        }
      }
      String brand = IinTable.standard().brandOf(digits, 0, length);
      if (brand == null) {
        return false;
      }
      String field = FieldNames.before(text, starts[0]);
      if (policy.requireCardBrand() && FieldNames.namesNonCardData(field)) {
        return false;
      }
      Reason reason =
          new Reason(
              length
                  + " digits in "
                  + brand
                  + "'s IIN range, check digit valid, in "
                  + count
                  + " groups",
              field == null ? "" : field,
              brand,
              "digit groups with a separator");
      out.add(
          new Finding(
              starts[0],
              ends[count - 1],
              SecretKind.CARD_NUMBER,
              CardMasks.card("", brand, digits, length),
              reason));
      return true;
    } finally {
      Arrays.fill(digits, '\0');
    }
  }

  /** The end of a separator of 1-3 characters that are neither letters nor digits. */
  private static int separatorEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && i - from < MAX_SEPARATOR) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  /** One space, dash or dot: the plain card finder's own joining. */
  private static boolean plainSeparator(CharSequence text, int at, int length) {
    return length == 1 && Chars.isGroupSeparator(text.charAt(at));
  }

  private static boolean sameSeparatorAt(CharSequence text, int at, int first, int length) {
    if (at + length >= text.length() || !Chars.isDigit(text.charAt(at + length))) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (text.charAt(at + k) != text.charAt(first + k)) {
        return false;
      }
    }
    return true;
  }

  /** A digit or letter glued to a group makes it part of a word or a longer number. */
  private static boolean isNumberChar(char c) {
    return Character.isLetterOrDigit(c);
  }
}
