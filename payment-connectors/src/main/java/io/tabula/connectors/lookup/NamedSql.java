package io.tabula.connectors.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code :name} placeholders into JDBC {@code ?} markers and remembers their order. Quoted
 * strings, quoted identifiers, comments and PostgreSQL casts ({@code ::date}) are left alone. A
 * secret parameter becomes {@code convert_from(?, 'UTF8')}: its digits travel as bytes, so the
 * engine never makes a String of them.
 *
 * @param jdbcSql the SQL to prepare
 * @param order parameter names, one per {@code ?}
 */
record NamedSql(String jdbcSql, List<String> order) {

  static NamedSql parse(String sql, Set<String> secretParameters) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> order = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        int end = closing(sql, i, c);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == ':' && sql.startsWith("::", i)) {
        out.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < sql.length() && isNameStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < sql.length() && isNamePart(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        order.add(name);
        out.append(secretParameters.contains(name) ? "convert_from(?, 'UTF8')" : "?");
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new NamedSql(out.toString(), List.copyOf(order));
  }

  private static int closing(String sql, int start, char quote) {
    int end = sql.indexOf(quote, start + 1);
    if (end < 0) {
      throw new IllegalArgumentException(
          "unterminated " + quote + " quote starting at character " + start + " of the lookup SQL");
    }
    return end + 1;
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
