package io.tabula.ops.asterisk.dialplan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits application data at top-level commas as Asterisk's {@code AST_STANDARD_APP_ARGS} does:
 * commas inside parentheses, {@code ${...}}, {@code $[...]} or double quotes do not split, and a
 * backslash protects the next character.
 */
public final class AppArgs {

  private AppArgs() {}

  public static List<String> split(String data) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int nesting = 0;
    boolean quoted = false;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\\' && i + 1 < data.length()) {
        current.append(c).append(data.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '{' || c == '[')) {
        nesting++;
      } else if (!quoted && (c == ')' || c == '}' || c == ']') && nesting > 0) {
        nesting--;
      } else if (c == ',' && nesting == 0 && !quoted) {
        args.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    args.add(current.toString().strip());
    return args;
  }
}
