package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects {@code agi_<key>: <value>} lines until the blank line, within a size limit.
 *
 * <p>The values are copied, one after the other, into one array, and each line is kept as three
 * ints (the key's index in {@link HeaderKeys}, where its value starts and ends): the {@link
 * AgiHeader} makes a string only of a value that is asked for. A map entry, a key, a value string
 * and its bytes per line, for two dozen lines of which the engine reads six, were ≈ 3.5 KB of
 * garbage per call (docs/engine.md, "Work per call (session 11)").
 */
final class HeaderBlock {

  private static final byte[] PREFIX = ReplyParser.ascii("agi_");

  /** Room for the values of a usual header (Asterisk 22's are 300-600 bytes) before growing. */
  private static final int FIRST_CAPACITY = 512;

  /** Asterisk 22 sends 20-30 lines. */
  private static final int FIRST_LINES = 32;

  private final int maxBytes;
  private byte[] text = new byte[FIRST_CAPACITY];
  private int textLength;
  private int[] lines = new int[FIRST_LINES * AgiHeader.INTS_PER_LINE];
  private int lineCount;

  /**
   * Keys {@link HeaderKeys} does not know (a newer Asterisk), each once; their id is {@link
   * HeaderKeys#count()} plus their index here. Null until there is one.
   */
  private List<String> otherKeys;

  private int bytes;

  HeaderBlock(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Adds one line (LF excluded).
   *
   * @return the finished header when this was the blank line, else null
   * @throws AgiProtocolException when the line is not an {@code agi_} variable or the block is too
   *     large
   */
  AgiHeader accept(ByteBuf line, int from, int to) {
    int length = to - from;
    bytes += length + 1;
    if (bytes > maxBytes) {
      throw new AgiProtocolException(AgiProtocolException.Violation.HEADER_TOO_LARGE, length);
    }
    if (length == 0) {
      // Handed over: this block is done.
      return new AgiHeader(text, lines, lineCount, otherKeys == null ? List.of() : otherKeys);
    }
    int colon = separator(line, from, to);
    if (!ReplyParser.startsWith(line, from, to, PREFIX) || colon < 0) {
      throw new AgiProtocolException(AgiProtocolException.Violation.MALFORMED_HEADER, length);
    }
    int keyFrom = from + PREFIX.length;
    int key = keyIndex(line, keyFrom, colon - keyFrom);
    int valueStart = Math.min(colon + 2, to);
    add(key, line, valueStart, to);
    return null;
  }

  int bytes() {
    return bytes;
  }

  private int keyIndex(ByteBuf line, int from, int length) {
    int known = HeaderKeys.index(line, from, length);
    if (known >= 0) {
      return known;
    }
    if (otherKeys == null) {
      otherKeys = new ArrayList<>();
    }
    String key = line.toString(from, length, StandardCharsets.US_ASCII);
    int seen = otherKeys.indexOf(key); // a key sent twice: one id, its last value wins
    if (seen >= 0) {
      return HeaderKeys.count() + seen;
    }
    otherKeys.add(key);
    return HeaderKeys.count() + otherKeys.size() - 1;
  }

  /** Copies the value byte by byte: a bulk copy from a direct buffer makes a ByteBuffer each. */
  private void add(int key, ByteBuf line, int valueStart, int valueEnd) {
    int length = valueEnd - valueStart;
    if (textLength + length > text.length) {
      text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
    }
    for (int i = 0; i < length; i++) {
      text[textLength + i] = line.getByte(valueStart + i);
    }
    if ((lineCount + 1) * AgiHeader.INTS_PER_LINE > lines.length) {
      lines = Arrays.copyOf(lines, lines.length * 2);
    }
    int at = lineCount * AgiHeader.INTS_PER_LINE;
    lines[at] = key;
    lines[at + 1] = textLength;
    lines[at + 2] = textLength + length;
    lineCount++;
    textLength += length;
  }

  private static int separator(ByteBuf line, int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = line.getByte(i);
      if (b == ':') {
        return i + 1 < to && line.getByte(i + 1) != ' ' ? -1 : i;
      }
      if (!(b == '_'
          || ReplyParser.isDigit(b)
          || (b >= 'a' && b <= 'z')
          || (b >= 'A' && b <= 'Z'))) {
        return -1;
      }
    }
    return -1;
  }
}
