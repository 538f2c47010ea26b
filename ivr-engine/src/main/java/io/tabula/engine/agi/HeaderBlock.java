package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects {@code agi_<key>: <value>} lines until the blank line, within a size limit. */
final class HeaderBlock {

  private static final byte[] PREFIX = ReplyParser.ascii("agi_");

  private final int maxBytes;
  private final Map<String, String> variables = new LinkedHashMap<>();
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
      return new AgiHeader(variables); // handed over: this block is done
    }
    int colon = separator(line, from, to);
    if (!ReplyParser.startsWith(line, from, to, PREFIX) || colon < 0) {
      throw new AgiProtocolException(AgiProtocolException.Violation.MALFORMED_HEADER, length);
    }
    String key = HeaderKeys.key(line, from + PREFIX.length, colon - from - PREFIX.length);
    int valueStart = Math.min(colon + 2, to);
    variables.put(key, line.toString(valueStart, to - valueStart, StandardCharsets.UTF_8));
    return null;
  }

  int bytes() {
    return bytes;
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
