package io.tabula.ops.asterisk.dialplan;

import java.util.Map;

/**
 * Expands {@code ${NAME}} references whose value is known (globals, a subroutine's {@code ARGn});
 * unknown references stay as written, so callers can tell what could not be resolved.
 */
public final class Variables {

  /** Enough for globals that name other globals; a loop between globals stops here. */
  private static final int MAX_ROUNDS = 8;

  private Variables() {}

  public static String expand(String text, Map<String, String> values) {
    String current = text;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String next = once(current, values);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  /** Whether {@code text} still holds a variable or expression reference. */
  public static boolean unresolved(String text) {
    return text.contains("${") || text.contains("$[");
  }

  private static String once(String text, Map<String, String> values) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      int end = text.indexOf('}', start);
      if (end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      String name = text.substring(start + 2, end);
      String value = values.get(name);
      out.append(value != null ? value : text.substring(start, end + 1));
      i = end + 1;
    }
    return out.toString();
  }
}
