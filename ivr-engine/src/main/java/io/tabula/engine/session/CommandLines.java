package io.tabula.engine.session;

import io.tabula.engine.agi.AgiCommand;
import java.util.Objects;

/**
 * The command lines of flows' prompts, encoded once and shared by every call: a prompt's {@code
 * STREAM FILE}, {@code GET DATA} and {@code WAIT FOR DIGIT} lines are the same every time it is
 * played, so building and encoding them per command was garbage the collector worked through at
 * 10,000 calls (about 130 bytes a command).
 *
 * <p>Only lines made of a flow's own text (sound names, escape keys, timeouts, digit counts) are
 * kept, never a value of a call (digits said back, numbers, variables). The table is direct-mapped
 * and bounded: a line that collides with another is built again, not looked up further. Entries are
 * immutable and published through final fields, so threads share the table without locks; a lost
 * race only builds a line twice.
 *
 * <pre>{@code
 * AgiCommand play = CommandLines.find(Kind.PLAY, sound, keys, 0, 0);
 * if (play == null) {
 *   play = CommandLines.keep(Kind.PLAY, sound, keys, 0, 0, AgiCommand.of("STREAM FILE")...);
 * }
 * }</pre>
 */
final class CommandLines {

  /** Which command a line is, so that equal arguments of different commands never meet. */
  enum Kind {
    PLAY,
    GET_DATA,
    WAIT_FOR_DIGIT
  }

  private record Line(
      Kind kind, String text, String more, long number, long count, AgiCommand command) {
    boolean is(Kind k, String t, String m, long n, long c) {
      return kind == k
          && number == n
          && count == c
          && Objects.equals(text, t)
          && Objects.equals(more, m);
    }
  }

  /** A few hundred prompts per engine at most; 1,024 entries keep collisions rare. */
  private static final int SIZE = 1024;

  private static final Line[] TABLE = new Line[SIZE];

  private CommandLines() {}

  /** The shared line of {@code kind} with these arguments, or null (no lambda per lookup). */
  static AgiCommand find(Kind kind, String text, String more, long number, long count) {
    Line line = TABLE[slot(kind, text, more, number, count)];
    return line != null && line.is(kind, text, more, number, count) ? line.command() : null;
  }

  /** Freezes {@code built}, the line of {@code kind} with these arguments, keeps and returns it. */
  static AgiCommand keep(
      Kind kind, String text, String more, long number, long count, AgiCommand built) {
    AgiCommand command = built.freeze();
    TABLE[slot(kind, text, more, number, count)] =
        new Line(kind, text, more, number, count, command);
    return command;
  }

  private static int slot(Kind kind, String text, String more, long number, long count) {
    int hash = kind.ordinal();
    hash = hash * 31 + (text == null ? 0 : text.hashCode());
    hash = hash * 31 + (more == null ? 0 : more.hashCode());
    hash = hash * 31 + Long.hashCode(number);
    hash = hash * 31 + Long.hashCode(count);
    hash ^= hash >>> 16;
    return hash & (SIZE - 1);
  }
}
