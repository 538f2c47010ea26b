package io.tabula.masking.audit;

import io.tabula.masking.log.Finding;
import io.tabula.masking.log.SecretKind;
import io.tabula.masking.log.SecretScanner;
import java.util.Arrays;

/**
 * Card numbers wrapped across two lines ({@code card 4111 1111 11} / {@code 11 1111 declined}), as
 * a terminal, a fixed-width log format or a log shipper that cuts long lines leaves them: the
 * digits and separators that end one line are joined to those that begin the next and judged
 * together. Only a card that takes digits from both lines is reported (a card whole on either line
 * is found there), on the first of the two lines.
 *
 * <p>The masking layer cannot do this: it sees one log event at a time, and the wrap happens after
 * it (in the terminal, the file's fixed width, or the shipper), so there is no second line to join.
 */
final class WrappedDigits {

  private static final int MAX_PART = 24;
  private static final int MAX_INDENT = 8;

  /**
   * A line shorter than this was not wrapped: terminals and fixed-width formats wrap at 72 to 132
   * columns and shippers cut at kibibytes. Short lines that end and begin with numbers (CSV rows,
   * counters) are records of their own.
   */
  static final int MIN_WRAPPED_LINE = 64;

  private final SecretScanner scanner;
  private final char[] tail = new char[MAX_PART];
  private int tailLength;

  WrappedDigits(SecretScanner scanner) {
    this.scanner = scanner;
  }

  /**
   * Looks at the current piece: at a line's start joins the previous line's tail to its head and
   * returns a card found across them (or null); at a line's end keeps its tail for the next line.
   */
  Finding next(LinePieces pieces) {
    CharSequence text = pieces.text();
    Finding found = null;
    if (pieces.startsLine() && tailLength > 0) {
      found = across(text);
    }
    if (pieces.startsLine()) {
      forgetTail();
    }
    if (pieces.endsLine()) {
      keepTail(text);
    }
    return found;
  }

  private Finding across(CharSequence text) {
    int indent = 0;
    while (indent < text.length() && indent < MAX_INDENT && isSpace(text.charAt(indent))) {
      indent++;
    }
    int headEnd = indent;
    while (headEnd < text.length()
        && headEnd - indent < MAX_PART
        && isNumberPart(text.charAt(headEnd))) {
      headEnd++;
    }
    if (headEnd == indent
        || !Character.isDigit(text.charAt(indent))
        || looksLikeTime(text, indent)
        || (headEnd < text.length() && isFieldSeparator(text.charAt(headEnd)))) {
      return null;
    }
    StringBuilder joined = new StringBuilder(tailLength + headEnd - indent);
    joined.append(tail, 0, tailLength).append(text, indent, headEnd);
    try {
      if (hasCard(text.subSequence(indent, headEnd))) {
        return null;
      }
      for (Finding finding : scanner.scan(joined)) {
        if (isCard(finding) && finding.start() < tailLength && finding.end() > tailLength) {
          return new Finding(0, 1, finding.kind(), finding.replacement(), finding.reason())
              .withShape("digits wrapped across two lines");
        }
      }
      return null;
    } finally {
      for (int i = 0; i < joined.length(); i++) {
        joined.setCharAt(i, '\0');
      }
    }
  }

  private void keepTail(CharSequence text) {
    if (text.length() < MIN_WRAPPED_LINE) {
      return;
    }
    int start = text.length();
    while (start > 0 && text.length() - start < MAX_PART && isNumberPart(text.charAt(start - 1))) {
      start--;
    }
    while (start < text.length() && !Character.isDigit(text.charAt(start))) {
      start++;
    }
    if (start == text.length()
        || (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1)))
        || (start > 0 && isFieldSeparator(text.charAt(start - 1)))
        || hasCard(text.subSequence(start, text.length()))) {
      return;
    }
    for (int i = start; i < text.length(); i++) {
      tail[tailLength++] = text.charAt(i);
    }
  }

  private void forgetTail() {
    Arrays.fill(tail, 0, tailLength, '\0');
    tailLength = 0;
  }

  private boolean hasCard(CharSequence part) {
    for (Finding finding : scanner.scan(part)) {
      if (isCard(finding)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isCard(Finding finding) {
    return finding.kind() == SecretKind.CARD_NUMBER || finding.kind() == SecretKind.TRACK_2;
  }

  /**
   * A line that starts with a date or a time: {@code 2026-12-05}, {@code 2026/12/05}, {@code
   * 23:59}.
   */
  private static boolean looksLikeTime(CharSequence text, int at) {
    return separatorAfterDigits(text, at, 4, '-')
        || separatorAfterDigits(text, at, 4, '/')
        || separatorAfterDigits(text, at, 2, ':');
  }

  private static boolean separatorAfterDigits(CharSequence text, int at, int digits, char c) {
    int end = at + digits;
    if (end >= text.length() || text.charAt(end) != c) {
      return false;
    }
    for (int i = at; i < end; i++) {
      if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** A CSV-style field separator: a number next to one is a field, not half a wrapped card. */
  private static boolean isFieldSeparator(char c) {
    return c == ',' || c == ';' || c == '|' || c == '\t';
  }

  private static boolean isNumberPart(char c) {
    return (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '.';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
