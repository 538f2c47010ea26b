package io.tabula.load.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A Java stand-in for {@code agi_floor.c}, for tests of the harness's external-target mode: a real
 * FastAGI server on a loopback socket that runs the load call (rounds from {@code agi_arg_1} of
 * STREAM FILE, GET DATA, SAY DIGITS, then HANGUP) and closes after the HANGUP's reply.
 */
final class FloorServer implements AutoCloseable {

  private static final String[] SCRIPT = {
    "STREAM FILE welcome \"\"\n", "GET DATA enter-account 5000 6\n", "SAY DIGITS 42 \"\"\n"
  };

  private final ServerSocket server;

  FloorServer() throws IOException {
    server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread.ofPlatform().daemon().name("floor-accept").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    try {
      while (true) {
        Socket call = server.accept();
        Thread.ofVirtual().start(() -> serve(call));
      }
    } catch (IOException e) {
      // Closed by close().
    }
  }

  private static void serve(Socket call) {
    try (call;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(call.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = call.getOutputStream();
      int rounds = 1;
      for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
        if (line.startsWith("agi_arg_1: ")) {
          rounds = Math.max(1, Integer.parseInt(line.substring(11).trim()));
        }
      }
      for (int round = 0; round < rounds; round++) {
        for (String command : SCRIPT) {
          out.write(command.getBytes(StandardCharsets.US_ASCII));
          awaitResult(in);
        }
      }
      out.write("HANGUP\n".getBytes(StandardCharsets.US_ASCII));
      awaitResult(in);
    } catch (IOException e) {
      // The generator gave up on the call; it counts that as a failure.
    }
  }

  /** Skips lines that are not a {@code 200} reply (a bare HANGUP line, a 511). */
  private static void awaitResult(BufferedReader in) throws IOException {
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("200 result=")) {
        return;
      }
    }
    throw new IOException("The caller closed before replying.");
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
