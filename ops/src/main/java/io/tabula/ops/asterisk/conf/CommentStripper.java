package io.tabula.ops.asterisk.conf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

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
 * line, which {@link #strayClose()} reports. One stripper serves one load of Asterisk's
 * config_text_file_load: a file, or all the files one {@code #include} glob matches, which share
 * the depth (checked against the real Asterisk: a block left open in one globbed file hides the
 * next one).
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
  private ConfLocation opened;
  private ConfLocation strayClose;

  /** Processes one line (without its line end); returns what Asterisk would parse, or null. */
  Kept strip(String line, Path file, int lineNumber) {
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
        openBlock(file, lineNumber);
        i += 2;
        consumed = i + 1;
      } else if (i >= consumed + 2 && line.charAt(i - 1) == '-' && line.charAt(i - 2) == '-') {
        consumed = i + 1;
        if (--depth == 0) {
          processLine = true;
        } else if (depth < 0 && processLine) {
          // Asterisk truncates nothing on this line and ignores the lines after it.
          if (strayClose == null) {
            strayClose = new ConfLocation(file, lineNumber, i - 1);
          }
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

  private void openBlock(Path file, int lineNumber) {
    if (depth++ == 0) {
      opened = new ConfLocation(file, lineNumber, 1);
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

  /** Where the outermost block comment still open started, if one is. */
  Optional<ConfLocation> unterminated() {
    return depth > 0 ? Optional.of(opened) : Optional.empty();
  }

  /** The first {@code --;} that closed no block (Asterisk ignores what follows it), if any. */
  Optional<ConfLocation> strayClose() {
    return Optional.ofNullable(strayClose);
  }
}
