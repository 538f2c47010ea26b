package io.tabula.ops.flows;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The publisher's password and authenticator code for {@code flows publish --as}: from the terminal
 * without echo, or two lines on standard input (CI pipes them). The password never becomes a
 * String: standard input is read a byte at a time up to the line break (straight from file
 * descriptor 0, so no reader's buffer holds it, nor the bytes after it), decoded as UTF-8 into a
 * char[], and every buffer on the way is zeroed. Whoever takes {@link #password()} zeroes it
 * ({@code PublishGate.open} does).
 *
 * <pre>{@code
 * PublisherCredentials credentials = PublisherCredentials.read("ana", System.in);
 * }</pre>
 */
record PublisherCredentials(char[] password, String code) {

  /** The longest line taken from standard input, in bytes. */
  static final int LONGEST_LINE = 1024;

  static PublisherCredentials read(String login, InputStream stdin) throws IOException {
    Console console = System.console();
    if (console != null && stdin == System.in) {
      char[] password = console.readPassword("Password for %s: ", login);
      char[] code = console.readPassword("Authenticator code: ");
      return new PublisherCredentials(
          password == null ? new char[0] : password, code == null ? "" : new String(code));
    }
    // System.in buffers what it reads; file descriptor 0 itself does not (and is not closed here).
    InputStream source = stdin == System.in ? new FileInputStream(FileDescriptor.in) : stdin;
    char[] password = line(source, "password");
    char[] code = line(source, "authenticator code");
    try {
      return new PublisherCredentials(password, new String(code).strip());
    } finally {
      Arrays.fill(code, '\0');
    }
  }

  /**
   * One line up to {@code \n} (a {@code \r} before it dropped) or the end of input, decoded as
   * UTF-8; nothing after the line break is read.
   */
  private static char[] line(InputStream in, String what) throws IOException {
    byte[] bytes = new byte[LONGEST_LINE];
    try {
      int length = 0;
      for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
        if (length == LONGEST_LINE) {
          throw new IOException(
              "the "
                  + what
                  + " line on standard input is longer than "
                  + LONGEST_LINE
                  + " bytes; give the password and the authenticator code on two lines");
        }
        bytes[length++] = (byte) b;
      }
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      return utf8(bytes, length, what);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** The first {@code length} bytes decoded into a char[] of their exact length. */
  private static char[] utf8(byte[] bytes, int length, String what) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    // UTF-8 never gives more chars than it has bytes.
    char[] decoded = new char[length];
    try {
      CharBuffer chars = CharBuffer.wrap(decoded);
      CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), chars, true);
      if (!result.isError()) {
        result = decoder.flush(chars);
      }
      if (result.isError()) {
        throw new IOException(
            "the "
                + what
                + " on standard input is not UTF-8; give it in UTF-8 (the encoding of the"
                + " console and of the accounts' passwords)");
      }
      return Arrays.copyOf(decoded, chars.position());
    } finally {
      Arrays.fill(decoded, '\0');
    }
  }
}
