package io.tabula.engine.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.connectors.payment.GatewayConfig;
import io.tabula.connectors.payment.SecretReference;
import io.tabula.connectors.simulator.Fault;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway handshake of {@code tenants check} and serve's start-up, against the simulator. */
class GatewayProbeTest {

  private final LiveTenants live = LiveTenants.get();

  private GatewayConfig gateway(URI endpoint, Path ca) {
    return GatewayConfig.of(
        "stripe", endpoint, SecretReference.file(live.keyFile), Optional.of(ca));
  }

  @Test
  void theSimulatorsCertificateVerifiesAgainstItsCaAndNoRequestIsSent() {
    long requests = live.simulator.ledger().requests();

    assertThat(GatewayProbe.handshake(gateway(live.simulator.endpoint(), live.gatewayCa)))
        .isEmpty();
    assertThat(live.simulator.ledger().requests()).isEqualTo(requests);
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedWithAdvice(@TempDir Path dir) {
    Path otherCa = dir.resolve("other-ca.pem");
    DevCertificateAuthority.create("Some other CA").writeCertificatePem(otherCa);

    assertThat(GatewayProbe.handshake(gateway(live.simulator.endpoint(), otherCa)))
        .get()
        .asString()
        .contains("is not signed by a trusted CA")
        .contains("payment.trustedCa");
  }

  @Test
  void aCertificateForAnotherHostIsRefusedWithAdvice() {
    live.simulator.faults().inject(Fault.TLS_WRONG_HOST);

    assertThat(GatewayProbe.handshake(gateway(live.simulator.endpoint(), live.gatewayCa)))
        .get()
        .asString()
        .contains("does not name localhost:" + live.simulator.port());
  }

  @Test
  void nothingListeningIsReportedAsSuch() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThat(
            GatewayProbe.handshake(
                gateway(URI.create("https://127.0.0.1:" + closed), live.gatewayCa)))
        .get()
        .asString()
        .contains("nothing accepts connections at 127.0.0.1:" + closed);
  }
}
