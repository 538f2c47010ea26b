package io.tabula.masking.log;

/**
 * One secret found in a line: where it is ({@code start} inclusive, {@code end} exclusive), what it
 * is, the text that replaces it, and why it was judged a secret. The replacement shows a card's
 * brand and last four digits at most, so a finding may be printed; the line it came from may not.
 */
public record Finding(int start, int end, SecretKind kind, String replacement, Reason reason) {

  public Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
    if (reason == null) {
      reason = Reason.NONE;
    }
  }

  public Finding(int start, int end, SecretKind kind, String replacement) {
    this(start, end, kind, replacement, Reason.NONE);
  }

  boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  /** The same finding, noted as found in digits written in {@code shape}. */
  public Finding withShape(String shape) {
    return new Finding(start, end, kind, replacement, reason.withShape(shape));
  }

  /** The same finding at another place (a finding in decoded text mapped back to the line). */
  Finding at(int newStart, int newEnd, String shape) {
    return new Finding(newStart, newEnd, kind, replacement, reason.withShape(shape));
  }
}
