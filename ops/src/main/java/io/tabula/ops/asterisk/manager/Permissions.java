package io.tabula.ops.asterisk.manager;

import java.util.ArrayList;
import java.util.List;

/**
 * A manager user's {@code read=} or {@code write=} classes, decoded as Asterisk 22's {@code
 * get_perm()} does (main/manager.c): the value is split at commas, each part but the last matches
 * every class whose name it begins (so {@code read = d,call} grants {@code dtmf} and {@code
 * dialplan}, and an empty part grants everything), the last part must match a class exactly, and
 * blanks are not trimmed ({@code read = call, dtmf} grants only {@code call}). {@code all} grants
 * every class.
 */
public record Permissions(int mask) {

  public static final int SYSTEM = 1;
  public static final int CALL = 1 << 1;
  public static final int DTMF = 1 << 8;
  public static final int ALL = Integer.MAX_VALUE;

  /** The classes in Asterisk's order; the bit of each is its index, as in manager.h. */
  private static final List<String> CLASSES =
      List.of(
          "system",
          "call",
          "log",
          "verbose",
          "command",
          "agent",
          "user",
          "config",
          "dtmf",
          "reporting",
          "cdr",
          "dialplan",
          "originate",
          "agi",
          "cc",
          "aoc",
          "test",
          "security",
          "message");

  public static final Permissions NONE = new Permissions(0);

  public static Permissions parse(String value) {
    int mask = 0;
    for (int i = 0; i < CLASSES.size(); i++) {
      if (grants(value, CLASSES.get(i))) {
        mask |= 1 << i;
      }
    }
    if (grants(value, "all")) {
      mask |= ALL;
    }
    return new Permissions(mask);
  }

  /** Asterisk's {@code ast_instring(value, label, ',')}. */
  private static boolean grants(String value, String label) {
    String[] parts = value.split(",", -1);
    for (int i = 0; i < parts.length - 1; i++) {
      if (label.startsWith(parts[i])) {
        return true;
      }
    }
    return parts[parts.length - 1].equals(label);
  }

  /** The classes granted, in Asterisk's order, as {@code manager show user} lists them. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < CLASSES.size(); i++) {
      if (has(1 << i)) {
        names.add(CLASSES.get(i));
      }
    }
    return names;
  }

  public boolean has(int flags) {
    return (mask & flags) != 0;
  }
}
