package io.tabula.engine.pbx;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way res_agi's {@code parse_args} does (fixtures README, observation 8):
 * whitespace separates, {@code "..."} groups, {@code ""} is an empty argument, a backslash makes
 * the next character literal (also a space outside quotes).
 *
 * <pre>{@code
 * AgiArguments.parse("SET VARIABLE QUOTED \"say \\\"hi\\\" now\""); // [SET, VARIABLE, QUOTED, say "hi" now]
 * }</pre>
 */
public final class AgiArguments {

  private AgiArguments() {}

  public static List<String> parse(String line) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean escaped = false;
    boolean inArgument = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (escaped) {
        current.append(c);
        escaped = false;
        inArgument = true;
      } else if (c == '\\') {
        escaped = true;
        inArgument = true;
      } else if (c == '"') {
        quoted = !quoted;
        inArgument = true;
      } else if ((c == ' ' || c == '\t') && !quoted) {
        if (inArgument) {
          args.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
      } else {
        current.append(c);
        inArgument = true;
      }
    }
    if (inArgument) {
      args.add(current.toString());
    }
    return args;
  }
}
