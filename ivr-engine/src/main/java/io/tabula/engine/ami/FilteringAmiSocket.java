package io.tabula.engine.ami;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * The socket under each Asterisk-Java {@code ManagerConnection}: plain TCP whose reading side
 * passes through {@link AmiLineSource}, so only the banner and responses reach Asterisk-Java and
 * every event is dropped as bytes before it parses, dispatches or logs anything.
 *
 * <p>Replacing Asterisk-Java's {@code SocketConnectionFacadeImpl} also switches off its raw-line
 * trace file ({@code -Dorg.asteriskjava.trace=true}), which lives in that class.
 *
 * <p>Example: {@code new FilteringAmiSocket(new InetSocketAddress("127.0.0.1", 5038), timeouts,
 * counter::increment)}.
 */
final class FilteringAmiSocket implements SocketConnectionFacade {

  private final Socket socket;
  private final AmiLineSource lines;
  private final BufferedWriter writer;

  FilteringAmiSocket(InetSocketAddress address, AmiLinkOptions options, Runnable onDropped)
      throws IOException {
    this.socket = new Socket();
    try {
      socket.connect(address, Math.toIntExact(options.connectTimeout().toMillis()));
      socket.setTcpNoDelay(true);
      this.lines = new AmiLineSource(socket.getInputStream(), options.maxMessageBytes(), onDropped);
      this.writer =
          new BufferedWriter(
              new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  @Override
  public String readLine() throws IOException {
    return lines.readLine();
  }

  @Override
  public void write(String s) throws IOException {
    writer.write(s);
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  @Override
  public boolean isConnected() {
    return socket.isConnected() && !socket.isClosed();
  }

  @Override
  public InetAddress getLocalAddress() {
    return socket.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    return socket.getLocalPort();
  }

  @Override
  public InetAddress getRemoteAddress() {
    return socket.getInetAddress();
  }

  @Override
  public int getRemotePort() {
    return socket.getPort();
  }
}
