package io.tabula.masking.log;

import java.nio.CharBuffer;
import java.util.Arrays;

/**
 * Text rewritten so that card digits written in another shape read as plain digits, with each
 * character's span in the original kept, so a finding in the view points back to the original. The
 * characters live in one {@code char[]} sized for the line (a view is never longer than its line:
 * each of its characters stands for one or more of the line's), so no copy of decoded digits is
 * left in a discarded buffer, and {@link #clear} zeroes the only one.
 */
final class DecodedView {

  private final char[] text;
  private final int[] from;
  private final int[] to;
  private int length;

  DecodedView(int lineLength) {
    int capacity = Math.max(16, lineLength + 2);
    text = new char[capacity];
    from = new int[capacity];
    to = new int[capacity];
  }

  /** Appends {@code c}, which stands for the original's [start, end). */
  void add(char c, int start, int end) {
    from[length] = start;
    to[length] = end;
    text[length++] = c;
  }

  CharSequence text() {
    return CharBuffer.wrap(text, 0, length);
  }

  int originalStart(int viewStart) {
    return from[viewStart];
  }

  int originalEnd(int viewEnd) {
    return to[viewEnd - 1];
  }

  /** Zeroes the decoded characters (they may be a card's digits) before the view is dropped. */
  void clear() {
    Arrays.fill(text, 0, length, '\0');
    length = 0;
  }
}
