package io.tabula.connectors.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handshakes on loopback: what the CA issues is accepted, anything else is refused. */
class DevCertificateAuthorityTest {

  private static final DevCertificateAuthority CA = DevCertificateAuthority.create("Test CA");

  @Test
  void aClientTrustingTheCaAcceptsItsServerCertificateForTheRightHost() throws Exception {
    IssuedCertificate server = CA.issue(CertificateRequest.server("localhost", "127.0.0.1"));

    assertThat(handshake(server.serverContext(), CA.clientContext(), "localhost"))
        .isEqualTo("TLSv1.3");
  }

  @Test
  void aCertificateForAnotherHostIsRefused() {
    IssuedCertificate server = CA.issue(CertificateRequest.server("db.example.org"));

    assertThatThrownBy(() -> handshake(server.serverContext(), CA.clientContext(), "localhost"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("matching localhost");
  }

  @Test
  void aCertificateFromAnotherCaIsRefused() {
    DevCertificateAuthority stranger = DevCertificateAuthority.create("Stranger CA");
    IssuedCertificate server = stranger.issue(CertificateRequest.server("localhost"));

    assertThatThrownBy(() -> handshake(server.serverContext(), CA.clientContext(), "localhost"))
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("PKIX path");
  }

  @Test
  void anExpiredCertificateIsRefused() {
    Instant longAgo = Instant.now().minus(Duration.ofDays(30));
    IssuedCertificate server =
        CA.issue(
            CertificateRequest.server("localhost")
                .validBetween(longAgo, longAgo.plus(Duration.ofDays(1))));

    assertThatThrownBy(() -> handshake(server.serverContext(), CA.clientContext(), "localhost"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void pemFilesAreWritten(@TempDir Path folder) throws IOException {
    IssuedCertificate server = CA.issue(CertificateRequest.server("localhost"));
    server.writePem(folder.resolve("server.crt"), folder.resolve("server.key"));
    CA.writeCertificatePem(folder.resolve("ca.crt"));

    assertThat(Files.readString(folder.resolve("server.key")))
        .startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(folder.resolve("ca.crt")))
        .startsWith("-----BEGIN CERTIFICATE-----");
  }

  /** Runs one handshake over loopback with host-name verification on; returns the protocol. */
  private static String handshake(SSLContext serverContext, SSLContext clientContext, String host)
      throws Exception {
    try (SSLServerSocket listener =
        (SSLServerSocket)
            serverContext
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> served =
          CompletableFuture.runAsync(
              () -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                  accepted.startHandshake();
                } catch (IOException expectedWhenClientRefuses) {
                  // the client's refusal is what the failing tests assert on
                }
              });
      try (SSLSocket client =
          (SSLSocket)
              clientContext
                  .getSocketFactory()
                  .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
        SSLParameters parameters = client.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(host)));
        client.setSSLParameters(parameters);
        client.startHandshake();
        return client.getSession().getProtocol();
      } finally {
        served.join();
      }
    }
  }
}
