package io.tabula.engine.asterisk;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one sound file on loopback over HTTPS (a certificate for 127.0.0.1 from a test CA) or
 * plain HTTP, as an engine serving prompts to Asterisk's HTTP media cache would, and counts every
 * request, so a test can tell whether Asterisk ever asked for it. Cache-Control marks the file
 * immutable for a year: content-hash names never change what they say.
 *
 * <pre>{@code
 * try (SoundServer https = SoundServer.https(wav, DevCertificateAuthority.create("test CA"))) {
 *   URI uri = https.uri(); // https://127.0.0.1:<port>/en/tabula/city/<key>.wav
 * }
 * }</pre>
 */
final class SoundServer implements AutoCloseable {

  private final HttpServer server;
  private final String scheme;
  private final String path;
  private final AtomicInteger requests = new AtomicInteger();

  private SoundServer(HttpServer server, String scheme, String path, byte[] body) {
    this.server = server;
    this.scheme = scheme;
    this.path = path;
    server.createContext(
        path,
        exchange -> {
          requests.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "audio/wav");
          exchange.getResponseHeaders().add("Cache-Control", "max-age=31536000, immutable");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** {@code wav} at {@code path} over TLS, with a server certificate {@code ca} issued. */
  static SoundServer https(Path wav, String path, DevCertificateAuthority ca) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(ca.issue(CertificateRequest.server("127.0.0.1")).serverContext()));
    return new SoundServer(server, "https", path, Files.readAllBytes(wav));
  }

  /** {@code wav} at {@code path} over plain HTTP. */
  static SoundServer http(Path wav, String path) throws IOException {
    return new SoundServer(HttpServer.create(loopback(), 0), "http", path, Files.readAllBytes(wav));
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }

  URI uri() {
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Requests served so far, by anyone. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
