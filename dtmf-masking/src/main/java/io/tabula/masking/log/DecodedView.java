package io.tabula.masking.log;

/**
 * Text rewritten so that card digits written in another shape read as plain digits, with each
 * character's span in the original kept, so a finding in the view points back to the original.
 */
final class DecodedView {

  private final StringBuilder text = new StringBuilder();
  private int[] from = new int[64];
  private int[] to = new int[64];

  /** Appends {@code c}, which stands for the original's [start, end). */
  void add(char c, int start, int end) {
    if (text.length() == from.length) {
      from = java.util.Arrays.copyOf(from, from.length * 2);
      to = java.util.Arrays.copyOf(to, to.length * 2);
    }
    from[text.length()] = start;
    to[text.length()] = end;
    text.append(c);
  }

  CharSequence text() {
    return text;
  }

  int originalStart(int viewStart) {
    return from[viewStart];
  }

  int originalEnd(int viewEnd) {
    return to[viewEnd - 1];
  }

  /** Zeroes the decoded characters (they may be a card's digits) before the view is dropped. */
  void clear() {
    for (int i = 0; i < text.length(); i++) {
      text.setCharAt(i, '\0');
    }
    text.setLength(0);
  }
}
