package io.tabula.connectors.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.connectors.embedded.DemoDatabase;
import io.tabula.connectors.embedded.DemoLookups;
import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import io.tabula.connectors.embedded.SharedDemoDatabase;
import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way TLS can be wrong ends in a refusal that says what to fix: from {@link
 * JdbcBalanceLookup#checkConnection} as a {@link ConnectionProblem}, from a lookup as {@link
 * LookupFailure#TLS_REFUSED}. Nothing is ever sent in plaintext.
 */
class TlsRefusalTest {

  @TempDir Path folder;

  private final DemoDatabase demo = SharedDemoDatabase.get();

  @Test
  void refusesAServerCertificateFromAnUnknownCa() throws Exception {
    Path otherCa = folder.resolve("other-ca.pem");
    DevCertificateAuthority.create("Somebody else's CA").writeCertificatePem(otherCa);

    expectRefusal(
        demo.tenantConfig("t").withTls(TlsSettings.verifyServer(otherCa)),
        ConnectionProblem.UNKNOWN_CA,
        "not signed by the tenant's CA");
  }

  @Test
  void refusesAnExpiredServerCertificate() throws Exception {
    DevCertificateAuthority ca = DevCertificateAuthority.create("Fake server CA");
    Instant now = Instant.now();
    CertificateRequest expired =
        CertificateRequest.server("127.0.0.1")
            .validBetween(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
    try (FakePostgresTlsServer server = FakePostgresTlsServer.presenting(ca.issue(expired))) {
      expectRefusal(
          fakeConfig(ca, server.port()), ConnectionProblem.EXPIRED_CERTIFICATE, "expired");
    }
  }

  @Test
  void refusesACertificateForAnotherHostName() throws Exception {
    DevCertificateAuthority ca = DevCertificateAuthority.create("Fake server CA");
    try (FakePostgresTlsServer server =
        FakePostgresTlsServer.presenting(
            ca.issue(CertificateRequest.server("db.elsewhere.example")))) {
      expectRefusal(
          fakeConfig(ca, server.port()),
          ConnectionProblem.HOST_NAME_MISMATCH,
          "does not name the host");
    }
  }

  @Test
  void refusesAServerThatOffersOnlyTls10Or11() throws Exception {
    DevCertificateAuthority ca = DevCertificateAuthority.create("Fake server CA");
    try (FakePostgresTlsServer server = FakePostgresTlsServer.onlyOldTls()) {
      expectRefusal(fakeConfig(ca, server.port()), ConnectionProblem.OLD_TLS_PROTOCOL, "TLS 1.2");
    }
  }

  @Test
  void refusesAServerWithoutTlsAndNeverFallsBackToPlaintext() {
    try (EmbeddedPostgres plain =
        EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults().withoutTls())) {
      TenantDatabaseConfig config =
          demo.tenantConfig("t")
              .withEndpoint(plain.host(), plain.port())
              .withLookups(List.of(DemoLookups.parkingTicket()));

      expectRefusal(config, ConnectionProblem.NO_TLS, "never falls back to plaintext");
    }
  }

  @Test
  void offersOnlyTls12And13WhateverTheJvmAllows() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("sslrootcert", demo.postgres().caCertificate().toString());
    VerifiedTlsSocketFactory factory = new VerifiedTlsSocketFactory(properties);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        SSLSocket socket =
            (SSLSocket)
                factory.createSocket(
                    new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort()),
                    "127.0.0.1",
                    listener.getLocalPort(),
                    true)) {
      assertThat(socket.getSSLParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
      assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }
  }

  @Test
  void noConfigurationCanTurnVerificationOff() {
    TenantDatabaseConfig weakened =
        demo.tenantConfig("t").withExtraProperties(Map.of("sslmode", "require"));

    assertThatThrownBy(() -> JdbcBalanceLookup.open(List.of(weakened), new SimpleMeterRegistry()))
        .isInstanceOf(InsecureTlsConfigurationException.class)
        .hasMessageContaining("sslmode")
        .hasMessageContaining("verify-full");
  }

  private TenantDatabaseConfig fakeConfig(DevCertificateAuthority ca, int port) throws Exception {
    Path caFile = Files.createTempFile(folder, "ca", ".pem");
    ca.writeCertificatePem(caFile);
    return demo.tenantConfig("t")
        .withTls(TlsSettings.verifyServer(caFile))
        .withEndpoint("127.0.0.1", port);
  }

  private static void expectRefusal(
      TenantDatabaseConfig config, ConnectionProblem problem, String advice) {
    TenantDatabaseConfig quick = config.withLimits(DatabaseLimits.defaults().withPoolSize(1, 0));
    try (JdbcBalanceLookup lookups =
        JdbcBalanceLookup.open(List.of(quick), new SimpleMeterRegistry())) {
      assertThatThrownBy(() -> lookups.checkConnection(config.tenant()))
          .isInstanceOfSatisfying(
              DatabaseConnectionException.class, e -> assertThat(e.problem()).isEqualTo(problem))
          .hasMessageContaining(advice);
      assertThat(
              lookups.lookup(
                  config.tenant(), DemoLookups.PARKING_TICKET, LookupContract.ticket("PT100234")))
          .isEqualTo(new LookupResult.Failed(LookupFailure.TLS_REFUSED));
    }
  }
}
