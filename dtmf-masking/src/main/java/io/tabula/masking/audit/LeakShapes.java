package io.tabula.masking.audit;

import io.tabula.masking.log.Finding;
import io.tabula.masking.log.SecretKind;
import io.tabula.masking.log.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card numbers written in shapes the plain scan does not read: rendered as an array ({@code
 * Arrays.toString} of a {@code char[]} or {@code int[]} of digits, {@code [4, 1, 1, 1, ...]}, or of
 * a {@code byte[]} of ASCII, {@code [52, 49, 49, ...]}), grouped with a separator other than space,
 * dash or dot ({@code 4111/1111/1111/1111}, {@code 4111_1111_...}), in non-ASCII digits (fullwidth,
 * Arabic-Indic, Devanagari, ...), or escaped for URLs, JSON, Java or XML ({@code %34%31},
 * backslash-u0034, {@code &#52;}). Each shape is decoded into a {@link DecodedView} only when the
 * line holds its trigger characters, scanned with the audit's scanner, and its card findings are
 * mapped back to the line.
 */
final class LeakShapes {

  /** One finding in a decoded shape, with its span in the original line. */
  record ShapedFinding(Finding finding, int start, int end, String shape) {}

  private static final Pattern ARRAY =
      Pattern.compile("\\[\\s*-?\\d{1,3}(?:\\s*,\\s*-?\\d{1,3}){12,}\\s*]");
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}");
  private static final String SEPARATORS = "/_|:;,\\t+*~#=";
  private static final Pattern GROUPED =
      Pattern.compile(
          "(?<![0-9])\\d{4}(["
              + SEPARATORS
              + "]| {2,})\\d{4}\\1\\d{4}\\1\\d{1,7}(?![0-9])"
              + "|(?<![0-9])\\d{4}(["
              + SEPARATORS
              + "]| {2,})\\d{6}\\2\\d{4,5}(?![0-9])");

  private final SecretScanner scanner;

  LeakShapes(SecretScanner scanner) {
    this.scanner = scanner;
  }

  /** Card findings in every shape the line holds, except where {@code plain} already found one. */
  List<ShapedFinding> find(CharSequence line, List<Finding> plain) {
    List<ShapedFinding> found = new ArrayList<>();
    if (hasArray(line)) {
      scan(arrays(line), "an array", plain, found);
    }
    if (hasGroupSeparator(line)) {
      scan(groups(line), "digit groups with a separator", plain, found);
    }
    if (hasNonAsciiDigit(line)) {
      scan(nonAsciiDigits(line), "non-ASCII digits", plain, found);
    }
    if (hasEscape(line)) {
      scan(unescaped(line), "escaped digits", plain, found);
    }
    return found;
  }

  private void scan(DecodedView view, String shape, List<Finding> plain, List<ShapedFinding> out) {
    try {
      for (Finding finding : scanner.scan(view.text())) {
        if (finding.kind() != SecretKind.CARD_NUMBER && !isTrack(finding)) {
          continue;
        }
        int start = view.originalStart(finding.start());
        int end = view.originalEnd(finding.end());
        if (!overlapsAny(start, end, plain, out)) {
          out.add(new ShapedFinding(finding, start, end, shape));
        }
      }
    } finally {
      view.clear();
    }
  }

  private static boolean isTrack(Finding finding) {
    return finding.kind().name().startsWith("TRACK");
  }

  private static boolean overlapsAny(
      int start, int end, List<Finding> plain, List<ShapedFinding> shaped) {
    for (Finding finding : plain) {
      if (finding.start() < end && start < finding.end()) {
        return true;
      }
    }
    for (ShapedFinding finding : shaped) {
      if (finding.start() < end && start < finding.end()) {
        return true;
      }
    }
    return false;
  }

  // Arrays: digits 0-9 become digits; ASCII codes become their characters; anything else a space.

  private static boolean hasArray(CharSequence line) {
    return indexOf(line, '[') >= 0 && indexOf(line, ',') >= 0;
  }

  private static DecodedView arrays(CharSequence line) {
    DecodedView view = new DecodedView();
    Matcher array = ARRAY.matcher(line);
    int copied = 0;
    while (array.find()) {
      copy(line, copied, array.start(), view);
      view.add(' ', array.start(), array.start() + 1);
      Matcher number = NUMBER.matcher(line).region(array.start(), array.end());
      List<int[]> elements = new ArrayList<>();
      boolean allDigits = true;
      while (number.find()) {
        int value = Integer.parseInt(line, number.start(), number.end(), 10);
        elements.add(new int[] {value, number.start(), number.end()});
        allDigits &= value >= 0 && value <= 9;
      }
      for (int[] element : elements) {
        view.add(character(element[0], allDigits), element[1], element[2]);
      }
      view.add(' ', array.end() - 1, array.end());
      copied = array.end();
    }
    copy(line, copied, line.length(), view);
    return view;
  }

  private static char character(int value, boolean digits) {
    if (digits) {
      return (char) ('0' + value);
    }
    return value >= 32 && value <= 126 ? (char) value : ' ';
  }

  // Digit groups joined by a separator the plain scan does not accept: the separators go.

  private static boolean hasGroupSeparator(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (SEPARATORS.indexOf(c) >= 0
          || c == '\t'
          || (c == ' ' && i > 0 && line.charAt(i - 1) == ' ')) {
        return true;
      }
    }
    return false;
  }

  private static DecodedView groups(CharSequence line) {
    DecodedView view = new DecodedView();
    Matcher grouped = GROUPED.matcher(line);
    int copied = 0;
    while (grouped.find()) {
      copy(line, copied, grouped.start(), view);
      view.add(' ', grouped.start(), grouped.start());
      for (int i = grouped.start(); i < grouped.end(); i++) {
        char c = line.charAt(i);
        if (c >= '0' && c <= '9') {
          view.add(c, i, i + 1);
        }
      }
      view.add(' ', grouped.end(), grouped.end());
      copied = grouped.end();
    }
    copy(line, copied, line.length(), view);
    return view;
  }

  // Non-ASCII decimal digits become ASCII digits.

  private static boolean hasNonAsciiDigit(CharSequence line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c > 127 && (Character.isDigit(c) || Character.isSurrogate(c))) {
        return true;
      }
    }
    return false;
  }

  private static DecodedView nonAsciiDigits(CharSequence line) {
    DecodedView view = new DecodedView();
    for (int i = 0; i < line.length(); ) {
      int codePoint = Character.codePointAt(line, i);
      int width = Character.charCount(codePoint);
      char c =
          Character.isDigit(codePoint)
              ? (char) ('0' + Character.digit(codePoint, 10))
              : (width == 1 ? line.charAt(i) : ' ');
      view.add(c, i, i + width);
      i += width;
    }
    return view;
  }

  // Escapes of the digits 0-9: %3N, backslash-u003N, backslash-x3N, &#48; to &#57;, &#x3N;.

  private static boolean hasEscape(CharSequence line) {
    return indexOf(line, '%') >= 0 || indexOf(line, '\\') >= 0 || indexOf(line, '&') >= 0;
  }

  private static DecodedView unescaped(CharSequence line) {
    DecodedView view = new DecodedView();
    int i = 0;
    while (i < line.length()) {
      int width = escapedDigitWidth(line, i);
      if (width > 0) {
        view.add(escapedDigit(line, i, width), i, i + width);
        i += width;
      } else {
        view.add(line.charAt(i), i, i + 1);
        i++;
      }
    }
    return view;
  }

  private static char escapedDigit(CharSequence line, int i, int width) {
    if (line.charAt(i) == '&' && width == 5) {
      return (char) ((line.charAt(i + 2) - '0') * 10 + line.charAt(i + 3) - '0');
    }
    int last = i + width - 1;
    return line.charAt(line.charAt(last) == ';' ? last - 1 : last);
  }

  /** The length of an escaped digit at {@code i}, or 0. */
  private static int escapedDigitWidth(CharSequence line, int i) {
    if (matches(line, i, "%3") && digitAt(line, i + 2)) {
      return 3;
    }
    if (matches(line, i, "\\u003") && digitAt(line, i + 5)) {
      return 6;
    }
    if (matches(line, i, "\\x3") && digitAt(line, i + 3)) {
      return 4;
    }
    if (matches(line, i, "&#x3") && digitAt(line, i + 4) && matches(line, i + 5, ";")) {
      return 6;
    }
    if (matches(line, i, "&#")
        && digitAt(line, i + 2)
        && digitAt(line, i + 3)
        && matches(line, i + 4, ";")) {
      int code = (line.charAt(i + 2) - '0') * 10 + line.charAt(i + 3) - '0';
      return code >= 48 && code <= 57 ? 5 : 0;
    }
    return 0;
  }

  private static boolean matches(CharSequence line, int at, String text) {
    if (at + text.length() > line.length()) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (Character.toLowerCase(line.charAt(at + k)) != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean digitAt(CharSequence line, int at) {
    return at < line.length() && line.charAt(at) >= '0' && line.charAt(at) <= '9';
  }

  private static void copy(CharSequence line, int from, int to, DecodedView view) {
    for (int i = from; i < to; i++) {
      view.add(line.charAt(i), i, i + 1);
    }
  }

  private static int indexOf(CharSequence line, char c) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
