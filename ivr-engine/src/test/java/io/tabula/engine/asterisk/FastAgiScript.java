package io.tabula.engine.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A FastAGI server on loopback that takes one connection, sends fixed AGI commands one at a time
 * and records Asterisk's reply to each, then closes the connection (the AGI ends). For asking the
 * real Asterisk what it answers to a command without the engine in between.
 *
 * <pre>{@code
 * try (FastAgiScript agi = FastAgiScript.start(List.of("STREAM FILE beep \"\""))) {
 *   ... Originate Application=AGI Data=agi://127.0.0.1:<agi.port()> ...
 *   List<String> replies = agi.replies().get(30, TimeUnit.SECONDS); // ["200 result=0 endpos=..."]
 * }
 * }</pre>
 */
final class FastAgiScript implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> commands;
  private final CompletableFuture<List<String>> replies = new CompletableFuture<>();

  private FastAgiScript(ServerSocket server, List<String> commands) {
    this.server = server;
    this.commands = List.copyOf(commands);
  }

  static FastAgiScript start(List<String> commands) throws IOException {
    FastAgiScript script =
        new FastAgiScript(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()), commands);
    Thread.ofVirtual().name("fastagi-script").start(script::serveOne);
    return script;
  }

  int port() {
    return server.getLocalPort();
  }

  /** Asterisk's reply line to each command, in order; completes when the last one came. */
  CompletableFuture<List<String>> replies() {
    return replies;
  }

  private void serveOne() {
    try (Socket agi = server.accept();
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(agi.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = agi.getOutputStream();
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // The agi_* header: nothing in it is needed here.
      }
      List<String> answered = new ArrayList<>();
      for (String command : commands) {
        out.write((command + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply = in.readLine();
        if (reply == null) {
          throw new IOException("Asterisk closed the AGI after " + answered.size() + " replies");
        }
        answered.add(reply);
      }
      replies.complete(answered);
    } catch (IOException e) {
      replies.completeExceptionally(e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
