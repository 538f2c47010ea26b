package io.tabula.engine.server;

import io.tabula.engine.Fixtures;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Asterisk" on a plain loopback socket for tests that check the engine's exact command lines: it
 * sends a recorded header, then answers each command line with the next of its replies (a reply may
 * hold more lines, such as a {@code HANGUP} after it), and records every line until the engine
 * closes the connection.
 */
final class LineAsterisk {

  private LineAsterisk() {}

  /** Calls {@code route} on {@code engine}; returns the command lines it sent, in order. */
  static List<String> call(InetSocketAddress engine, String route, List<String> replies)
      throws Exception {
    List<String> lines = new ArrayList<>();
    try (Socket asterisk = new Socket(engine.getAddress(), engine.getPort())) {
      asterisk.setSoTimeout(10_000);
      byte[] recorded = Fixtures.fromAsterisk("card-entry");
      String header =
          new String(
              Arrays.copyOf(recorded, Fixtures.headerEnd(recorded)), StandardCharsets.US_ASCII);
      OutputStream out = asterisk.getOutputStream();
      InputStream in = asterisk.getInputStream();
      out.write(
          header
              .replace("agi_network_script: card-entry", "agi_network_script: " + route)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (String line; (line = readLine(in)) != null; ) {
        lines.add(line);
        if (lines.size() <= replies.size()) {
          out.write((replies.get(lines.size() - 1) + "\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        }
      }
    }
    return lines;
  }

  /** A line without its newline, or null at the end of the stream. */
  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        return line.isEmpty() ? null : line.toString();
      }
      line.append((char) b);
    }
    return line.toString();
  }
}
