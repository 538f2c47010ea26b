package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

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
  // The line is built as arguments are added; a command made once and sent many times (a flow's
  // prompt) is frozen into its bytes, so each send is a copy and no text is encoded per command.
  private StringBuilder line;
  private byte[] encoded;
  private int count;

  private AgiCommand(String verb) {
    requireSingleLine(verb);
    this.verb = verb;
    this.line = new StringBuilder(64).append(verb);
  }

  public static AgiCommand of(String verb) {
    return new AgiCommand(verb);
  }

  /**
   * {@code <verb> <argument> "<quoted>"} encoded at once, frozen ({@link #freeze}): for a line sent
   * once (a read-back's digits) without a builder per command. An argument that is not plain ASCII
   * or needs quotes takes the general way ({@link #arg}, {@link #quoted}), with the same bytes.
   */
  public static AgiCommand ofLine(String verb, String argument, String quoted) {
    if (!isPlainAscii(verb)
        || !isPlainAscii(argument)
        || needsQuotes(argument)
        || !isPlainAscii(quoted)
        || quoted.indexOf('"') >= 0
        || quoted.indexOf('\\') >= 0) {
      return of(verb).arg(argument).quoted(quoted).freeze();
    }
    int length = verb.length() + 1 + argument.length() + 1 + 1 + quoted.length() + 1 + 1;
    byte[] line = new byte[length];
    int at = copy(verb, line, 0);
    line[at++] = ' ';
    at = copy(argument, line, at);
    line[at++] = ' ';
    line[at++] = '"';
    at = copy(quoted, line, at);
    line[at++] = '"';
    line[at] = '\n';
    return new AgiCommand(verb, line, 2);
  }

  private AgiCommand(String verb, byte[] encoded, int count) {
    this.verb = verb;
    this.encoded = encoded;
    this.count = count;
  }

  private static int copy(String text, byte[] into, int at) {
    for (int i = 0; i < text.length(); i++) {
      into[at + i] = (byte) text.charAt(i);
    }
    return at + text.length();
  }

  /** Printable ASCII only: no line break, no NUL, one byte per character. */
  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' || c > '~') {
        return false;
      }
    }
    return true;
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
    requireOpen();
    line.append(' ').append(number);
    count++;
    return this;
  }

  private AgiCommand add(String argument, boolean quote) {
    requireOpen();
    requireSingleLine(argument);
    line.append(' ');
    if (quote || needsQuotes(argument)) {
      appendQuoted(argument);
    } else {
      line.append(argument);
    }
    count++;
    return this;
  }

  private void appendQuoted(String argument) {
    line.append('"');
    for (int i = 0; i < argument.length(); i++) {
      char c = argument.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\');
      }
      line.append(c);
    }
    line.append('"');
  }

  /** The verb, e.g. {@code GET DATA}; safe to log. Arguments are not exposed for logging. */
  public String verb() {
    return verb;
  }

  /**
   * Writes the command and its LF at the writer index of {@code out}, the text in one write: each
   * write of text into a direct buffer costs Netty a buffer view.
   */
  public void encode(ByteBuf out) {
    if (encoded != null) {
      out.writeBytes(encoded);
      return;
    }
    out.writeCharSequence(line, StandardCharsets.UTF_8);
    out.writeByte('\n');
  }

  /**
   * At least as many bytes as {@link #encode} writes: the exact length of a frozen line, else a
   * bound (three UTF-8 bytes per character of the text, and the LF).
   */
  public int maxEncodedLength() {
    return encoded != null ? encoded.length : line.length() * 3 + 1;
  }

  /**
   * Encodes the line, LF included, once: from now on the command takes no more arguments, may be
   * sent by any number of calls at once (it is immutable), and {@link #encode} copies its bytes.
   */
  public AgiCommand freeze() {
    if (encoded == null) {
      byte[] text = line.toString().getBytes(StandardCharsets.UTF_8);
      byte[] withLf = java.util.Arrays.copyOf(text, text.length + 1);
      withLf[text.length] = '\n';
      encoded = withLf;
      line = null;
    }
    return this;
  }

  private void requireOpen() {
    if (encoded != null) {
      throw new IllegalStateException(
          "a frozen AgiCommand takes no more arguments; build a new one");
    }
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
    return "AgiCommand[" + verb + ", " + count + " args]";
  }
}
