package io.tabula.engine.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback between the engine and Asterisk's AMI, so a test can take the link away
 * in the middle of a call as a network failure or a manager restart would: {@link #cut()} closes
 * every relayed connection and refuses new ones until {@link #close()}.
 *
 * <pre>{@code
 * try (TcpRelay relay = TcpRelay.start(amiPort)) {
 *   int enginePort = relay.port();
 *   ...
 *   relay.cut();
 * }
 * }</pre>
 */
final class TcpRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean cut;

  private TcpRelay(ServerSocket server, int target) {
    this.server = server;
    this.target = target;
    Thread.ofVirtual().name("tcp-relay").start(this::accept);
  }

  static TcpRelay start(int targetPort) throws IOException {
    return new TcpRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          client.close();
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        open.add(client);
        open.add(upstream);
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
      } catch (IOException e) {
        // The server socket closed, or Asterisk refused: the client sees its connection end.
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ended) {
      // One side closed; close both below.
    }
    closeQuietly(from);
    closeQuietly(to);
  }

  /** Drops every relayed connection now and refuses the engine's reconnects. */
  void cut() {
    cut = true;
    open.forEach(TcpRelay::closeQuietly);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // Nothing left to release.
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    server.close();
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
  }
}
