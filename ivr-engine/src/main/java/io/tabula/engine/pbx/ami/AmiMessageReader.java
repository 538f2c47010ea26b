package io.tabula.engine.pbx.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads AMI actions from a client: {@code Key: Value} lines ended by CRLF, a blank line ending each
 * message. Like Asterisk, it takes the text before the first colon as the key and skips the spaces
 * after it; lines are bounded.
 *
 * <p>Example: {@code new AmiMessageReader(in, 8192).next()} returns null at end of stream.
 */
final class AmiMessageReader {

  private final InputStream in;
  private final int maxLine;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  AmiMessageReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** The next non-empty message, or null when the client closed the connection. */
  AmiMessage next() throws IOException {
    AmiMessage message = AmiMessage.empty();
    while (true) {
      String text = readLine();
      if (text == null) {
        return null;
      }
      if (text.isEmpty()) {
        if (!message.isEmpty()) {
          return message;
        }
        continue;
      }
      int colon = text.indexOf(':');
      if (colon > 0) {
        message.with(text.substring(0, colon).trim(), text.substring(colon + 1).strip());
      }
    }
  }

  private String readLine() throws IOException {
    line.reset();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length = previous == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      if (line.size() >= maxLine) {
        throw new IOException("AMI line longer than " + maxLine + " bytes; closing the session.");
      }
      line.write(b);
      previous = b;
    }
  }
}
