package io.tabula.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy whose first {@code stalled} connections are accepted and never answered (a
 * database that does not complete its login in time), and whose later ones are passed through to
 * {@code targetPort}.
 */
final class StallingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int stalled;
  private final int targetPort;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  StallingProxy(int stalled, int targetPort) throws IOException {
    this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    this.stalled = stalled;
    this.targetPort = targetPort;
    this.acceptor = Thread.ofVirtual().start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = server.accept();
        open.add(client);
        if (connections.incrementAndGet() > stalled) {
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
          open.add(upstream);
          pipe(client.getInputStream(), upstream.getOutputStream());
          pipe(upstream.getInputStream(), client.getOutputStream());
        }
      }
    } catch (IOException closed) {
      // close() ends the proxy.
    }
  }

  private static void pipe(InputStream from, OutputStream to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                from.transferTo(to);
              } catch (IOException e) {
                // One side closed.
              }
            });
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    acceptor.interrupt();
  }
}
