package io.tabula.ops.asterisk.conf;

import java.util.Arrays;

/**
 * Removes comments from one line at a time the way Asterisk's config parser does
 * (config_text_file_load in main/config.c), keeping the block-comment depth between lines:
 *
 * <ul>
 *   <li>{@code ;} ends the line, unless written {@code \;}, which stands for a literal {@code ;};
 *   <li>{@code ;--} opens a block comment (not {@code ;---}), {@code --;} closes one; they nest;
 *   <li>text before a block comment and after its end on the same line is joined.
 * </ul>
 *
 * A {@code --;} with no open block makes the depth negative: Asterisk then ignores every following
 * line of the file, which {@link #strayClose()} reports.
 */
final class CommentStripper {

  /** The text of a line outside comments and, for each of its characters, its 1-based column. */
  record Kept(String text, int[] columns) {

    /** The column of the first non-blank character, 1 for an empty line. */
    int firstColumn() {
      for (int i = 0; i < text.length(); i++) {
        if (!Character.isWhitespace(text.charAt(i))) {
          return columns[i];
        }
      }
      return 1;
    }

    /** The column of character {@code index} of {@link #text}, or one past the last. */
    int columnAt(int index) {
      if (index < columns.length) {
        return columns[index];
      }
      return columns.length == 0 ? 1 : columns[columns.length - 1] + 1;
    }
  }

  private int depth;
  private int openedOnLine;
  private boolean strayClose;

  /** Processes one line (without its line end); returns what Asterisk would parse, or null. */
  Kept strip(String line, int lineNumber) {
    boolean processLine = depth == 0;
    boolean keepRest = false;
    StringBuilder kept = new StringBuilder(line.length());
    int[] columns = new int[line.length()];
    int consumed = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (keepRest || c != ';') {
        if (keepRest || depth == 0) {
          keep(kept, columns, c, i);
        }
      } else if (i > consumed && line.charAt(i - 1) == '\\') {
        unescape(kept, columns, i);
        consumed = i + 1;
      } else if (opensBlock(line, i)) {
        openBlock(lineNumber);
        i += 2;
        consumed = i + 1;
      } else if (i >= consumed + 2 && line.charAt(i - 1) == '-' && line.charAt(i - 2) == '-') {
        consumed = i + 1;
        if (--depth == 0) {
          processLine = true;
        } else if (depth < 0 && processLine) {
          // Asterisk truncates nothing on this line and ignores the lines after it.
          strayClose = true;
          keepRest = true;
          keep(kept, columns, ';', i);
        }
      } else if (depth == 0) {
        break;
      } else {
        consumed = i + 1;
      }
    }
    if (!processLine) {
      return null;
    }
    return new Kept(kept.toString(), Arrays.copyOf(columns, kept.length()));
  }

  /** {@code \\;} outside a comment: the backslash goes, a literal {@code ;} stays. */
  private void unescape(StringBuilder kept, int[] columns, int index) {
    if (depth == 0) {
      kept.setLength(kept.length() - 1);
      keep(kept, columns, ';', index);
    }
  }

  private void openBlock(int lineNumber) {
    if (depth++ == 0) {
      openedOnLine = lineNumber;
    }
  }

  private static boolean opensBlock(String line, int i) {
    return i + 2 < line.length()
        && line.charAt(i + 1) == '-'
        && line.charAt(i + 2) == '-'
        && (i + 3 >= line.length() || line.charAt(i + 3) != '-');
  }

  private static void keep(StringBuilder kept, int[] columns, char c, int index) {
    columns[kept.length()] = index + 1;
    kept.append(c);
  }

  /** Whether a block comment is still open at the end of the file. */
  boolean unterminated() {
    return depth > 0;
  }

  /** The line the outermost open block comment started on. */
  int openedOnLine() {
    return openedOnLine;
  }

  /** Whether a {@code --;} closed no block (Asterisk then ignores the rest of the file). */
  boolean strayClose() {
    return strayClose;
  }
}
