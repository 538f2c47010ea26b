package io.tabula.engine.residue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

/**
 * A named set of digit strings of one length that a {@link DumpScanner} looks for, e.g. the 1,000
 * card numbers the calls keyed. The strings are kept as numbers so that a scan compares longs, not
 * text: a 100 MB dump has millions of digits and each one is a lookup.
 *
 * <pre>{@code
 * Needles cards = Needles.of("keyed card numbers", cardNumbers);
 * }</pre>
 */
final class Needles {

  /** Longest supported string: 10^18 still fits a long after one more digit is shifted in. */
  static final int MAX_LENGTH = 18;

  /** Up to 10^7 values a bit set of 1.25 MB answers "not one of these" at once. */
  private static final int QUICK_LENGTH = 7;

  private final String name;
  private final int length;
  private final long[] sorted;
  private final boolean wholeRun;

  /** For short strings, one bit per possible value: most windows are rejected without a search. */
  private final BitSet quick;

  private Needles(String name, int length, long[] sorted, boolean wholeRun) {
    this.name = name;
    this.length = length;
    this.sorted = sorted;
    this.wholeRun = wholeRun;
    this.quick = length <= QUICK_LENGTH ? new BitSet() : null;
    if (quick != null) {
      for (long value : sorted) {
        quick.set((int) value);
      }
    }
  }

  /**
   * Strings found anywhere, also inside a longer run of digits. All must be digits only and of the
   * same length (leading zeros count).
   */
  static Needles of(String name, Collection<String> values) {
    return of(name, values, false);
  }

  /**
   * Strings found only as a whole run: no digit right before or after, in that encoding. A short
   * string is common inside long runs (timestamps, random numbers); standing alone it is rare.
   */
  static Needles wholeRuns(String name, Collection<String> values) {
    return of(name, values, true);
  }

  private static Needles of(String name, Collection<String> values, boolean wholeRun) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + ": give at least one string to look for");
    }
    int length = values.iterator().next().length();
    if (length < 1 || length > MAX_LENGTH) {
      throw new IllegalArgumentException(name + ": strings must have 1 to 18 digits");
    }
    long[] numbers = new long[values.size()];
    int i = 0;
    for (String value : values) {
      if (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException(
            name + ": every string must have " + length + " digits and nothing else");
      }
      numbers[i++] = Long.parseLong(value);
    }
    Arrays.sort(numbers);
    return new Needles(name, length, numbers, wholeRun);
  }

  String name() {
    return name;
  }

  int length() {
    return length;
  }

  boolean wholeRun() {
    return wholeRun;
  }

  int size() {
    return sorted.length;
  }

  /**
   * The index of the last {@link #length()} digits of a run, read as a number, among these strings
   * (in numeric order), or a negative number when they are not one of them.
   */
  int indexOf(long window) {
    if (quick != null && !quick.get((int) window)) {
      return -1;
    }
    return Arrays.binarySearch(sorted, window);
  }

  /** The string at {@code index} (see {@link #indexOf}), with its leading zeros. */
  String get(int index) {
    String digits = Long.toString(sorted[index]);
    return "0".repeat(length - digits.length()) + digits;
  }
}
