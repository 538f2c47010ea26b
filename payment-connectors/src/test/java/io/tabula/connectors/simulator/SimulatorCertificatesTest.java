package io.tabula.connectors.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.PemFileException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator serving a certificate made elsewhere ({@code tabula certs}), read from PEM. */
class SimulatorCertificatesTest {

  private static final DevCertificateAuthority CA = DevCertificateAuthority.create("PEM test CA");

  @TempDir Path directory;

  @Test
  void servesAPemCertificateAndNamesItsEndpointAfterTheFirstDnsName() throws Exception {
    Path ca = directory.resolve("ca.crt");
    CA.writeCertificatePem(ca);
    CA.issue(CertificateRequest.server("localhost", "127.0.0.1"))
        .writePem(directory.resolve("sim.crt"), directory.resolve("sim.key"));
    SimulatorCertificates certificates =
        SimulatorCertificates.fromPem(
            ca, directory.resolve("sim.crt"), directory.resolve("sim.key"));
    SimulatorOptions options =
        new SimulatorOptions(certificates, "127.0.0.1", 0, "sk_test_pem", Duration.ZERO, 1);

    try (GatewaySimulator simulator = GatewaySimulator.start(options);
        HttpClient http = HttpClient.newBuilder().sslContext(CA.clientContext()).build()) {
      assertThat(certificates.hostNames()).containsExactly("localhost", "127.0.0.1");
      assertThat(simulator.endpoint().getHost()).isEqualTo("localhost");
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(simulator.endpoint().resolve("/v1/charges"))
                  .header("Authorization", "Bearer sk_test_pem")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aWrongFileIsNamedWithoutQuotingItsContent() throws Exception {
    Path ca = directory.resolve("ca.crt");
    CA.writeCertificatePem(ca);
    String pem = Files.readString(ca);

    assertThatThrownBy(() -> SimulatorCertificates.fromPem(ca, ca, ca))
        .isInstanceOf(PemFileException.class)
        .hasMessageContaining(ca.toString())
        .hasMessageContaining("private key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(pem.lines().toList().get(1)));
    assertThatThrownBy(
            () -> SimulatorCertificates.fromPem(ca, directory.resolve("missing.crt"), ca))
        .isInstanceOf(PemFileException.class)
        .hasMessageContaining("missing.crt");
  }

  @Test
  void aCertificateWithoutHostNamesIsRefused() {
    assertThatThrownBy(() -> SimulatorCertificates.issuedBy(CA, List.of()))
        .hasMessageContaining("give at least one host name");
  }

  @Test
  void theSummaryCountsChargesPerCurrencyDeclinesAndRequests() {
    Ledger ledger = new Ledger();
    ledger.record(entry(4500, "usd", true));
    ledger.record(entry(1050, "usd", true));
    ledger.record(entry(300, "jpy", true));
    ledger.record(entry(999, "usd", false));
    ledger.countRequest();

    assertThat(ledger.summary()).isEqualTo("3 charges (JPY 300, USD 55.50), 1 decline, 1 request");
    assertThat(new Ledger().summary()).isEqualTo("0 charges, 0 declines, 0 requests");
  }

  private static LedgerEntry entry(long minor, String currency, boolean charged) {
    return new LedgerEntry(
        "pi_1",
        "",
        minor,
        currency,
        "visa",
        "4242",
        charged,
        charged ? "" : "card_declined",
        java.util.Map.of(),
        java.time.Instant.now());
  }
}
