package io.tabula.masking.log;

/**
 * One secret found in a line: where it is ({@code start} inclusive, {@code end} exclusive), what it
 * is, and the text that replaces it. The replacement shows a card's brand and last four digits at
 * most, so a finding may be printed; the line it came from may not.
 */
public record Finding(int start, int end, SecretKind kind, String replacement) {

  public Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }

  boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }
}
