package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One AGI command as the engine sends it: a verb such as {@code GET DATA} and its arguments, quoted
 * the way res_agi's {@code parse_args} reads them back (fixtures README, observation 8). Arguments
 * never carry caller digits; the only secret-bearing traffic is inbound.
 *
 * <pre>{@code
 * AgiCommand.of("SET VARIABLE").arg("FOO").arg("bar baz").encode(out); // SET VARIABLE FOO "bar baz"\n
 * AgiCommand.of("STREAM FILE").arg("beep").quoted("0123456789*#");     // ... "0123456789*#"
 * }</pre>
 */
public final class AgiCommand {

  private final String verb;
  private final List<String> arguments = new ArrayList<>();
  private final List<Boolean> alwaysQuoted = new ArrayList<>();

  private AgiCommand(String verb) {
    requireSingleLine(verb);
    this.verb = verb;
  }

  public static AgiCommand of(String verb) {
    return new AgiCommand(verb);
  }

  /** Adds an argument, quoted only when res_agi would otherwise split or unescape it. */
  public AgiCommand arg(String argument) {
    return add(argument, false);
  }

  /** Adds an argument that is always sent in quotes, as Asterisk's own examples do for digits. */
  public AgiCommand quoted(String argument) {
    return add(argument, true);
  }

  public AgiCommand arg(long number) {
    return add(Long.toString(number), false);
  }

  private AgiCommand add(String argument, boolean quote) {
    requireSingleLine(argument);
    arguments.add(argument);
    alwaysQuoted.add(quote);
    return this;
  }

  /** The verb, e.g. {@code GET DATA}; safe to log. Arguments are not exposed for logging. */
  public String verb() {
    return verb;
  }

  /** Writes the command and its LF at the writer index of {@code out}. */
  public void encode(ByteBuf out) {
    out.writeCharSequence(verb, StandardCharsets.UTF_8);
    for (int i = 0; i < arguments.size(); i++) {
      out.writeByte(' ');
      writeArgument(out, arguments.get(i), alwaysQuoted.get(i));
    }
    out.writeByte('\n');
  }

  private static void writeArgument(ByteBuf out, String argument, boolean forceQuotes) {
    if (!forceQuotes && !needsQuotes(argument)) {
      out.writeCharSequence(argument, StandardCharsets.UTF_8);
      return;
    }
    out.writeByte('"');
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '"' || c == '\\') {
        out.writeByte('\\');
      }
      out.writeCharSequence(String.valueOf(c), StandardCharsets.UTF_8);
    }
    out.writeByte('"');
  }

  private static boolean needsQuotes(String argument) {
    if (argument.isEmpty()) {
      return true;
    }
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == ' ' || c == '\t' || c == '"' || c == '\\') {
        return true;
      }
    }
    return false;
  }

  private static void requireSingleLine(String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "an AGI command or argument cannot contain a line break or NUL; remove it");
    }
  }

  /** Shows the verb only: arguments may name files or variables an operator need not see. */
  @Override
  public String toString() {
    return "AgiCommand[" + verb + ", " + arguments.size() + " args]";
  }
}
