package io.tabula.connectors.lookup;

import io.tabula.connectors.tls.IssuedCertificate;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * Just enough of a PostgreSQL server to test TLS refusals: it reads the client's SSLRequest (length
 * 8, code 80877103), answers {@code 'S'} and then either starts a real TLS handshake with the given
 * certificate, or answers the ClientHello with a fatal {@code protocol_version} alert in a TLS 1.1
 * record, as an OpenSSL server limited to TLS 1.0/1.1 does when a client offers only TLS 1.2 and
 * 1.3. (A JDK 25 SSLServerSocket cannot be made to serve TLS 1.1 without weakening
 * jdk.tls.disabledAlgorithms for the whole test JVM, the client included.)
 */
final class FakePostgresTlsServer implements AutoCloseable {

  private static final int SSL_REQUEST_CODE = 80877103;
  private static final byte[] PROTOCOL_VERSION_ALERT = {0x15, 0x03, 0x02, 0x00, 0x02, 0x02, 0x46};

  private final ServerSocket listener;
  private final IssuedCertificate certificate;
  private final Thread acceptor;

  private FakePostgresTlsServer(IssuedCertificate certificate) throws IOException {
    this.listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    this.certificate = certificate;
    this.acceptor = Thread.ofPlatform().daemon(true).name("fake-postgres").start(this::acceptLoop);
  }

  /** Offers TLS with this certificate (and its CA in the chain). */
  static FakePostgresTlsServer presenting(IssuedCertificate certificate) throws IOException {
    return new FakePostgresTlsServer(certificate);
  }

  /** Offers only TLS 1.0/1.1: refuses a TLS 1.2+ ClientHello with protocol_version. */
  static FakePostgresTlsServer onlyOldTls() throws IOException {
    return new FakePostgresTlsServer(null);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try (Socket socket = listener.accept()) {
        serve(socket);
      } catch (IOException e) {
        // A refused handshake ends the connection; the client reports it. Keep serving.
      }
    }
  }

  private void serve(Socket socket) throws IOException {
    DataInputStream in = new DataInputStream(socket.getInputStream());
    int length = in.readInt();
    int code = in.readInt();
    if (length != 8 || code != SSL_REQUEST_CODE) {
      throw new IOException("expected an SSLRequest");
    }
    OutputStream out = socket.getOutputStream();
    out.write('S');
    out.flush();
    if (certificate == null) {
      refuseClientHello(in, out);
      return;
    }
    SSLSocket tls =
        (SSLSocket)
            certificate
                .serverContext()
                .getSocketFactory()
                .createSocket(socket, socket.getInputStream(), true);
    tls.setUseClientMode(false);
    tls.startHandshake();
    tls.getInputStream().read();
  }

  private static void refuseClientHello(DataInputStream in, OutputStream out) throws IOException {
    byte[] header = new byte[5];
    in.readFully(header);
    if (header[0] != 0x16) {
      throw new IOException("expected a TLS handshake record");
    }
    in.readFully(new byte[((header[3] & 0xff) << 8) | (header[4] & 0xff)]);
    out.write(PROTOCOL_VERSION_ALERT);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
