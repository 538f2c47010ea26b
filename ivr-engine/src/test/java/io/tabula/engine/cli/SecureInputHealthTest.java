package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.Capability;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthReport;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.ami.AmiLinks;
import io.tabula.engine.config.AmiSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While an AMI link is down only secure input is gone: /health stays 200 (DEGRADED) and says which
 * capability is down, so a load balancer keeps sending calls that need no card entry.
 */
class SecureInputHealthTest {

  @Test
  void aDownAmiLinkTakesAwaySecureInputOnly(@TempDir Path folder) throws Exception {
    Path secret = Files.writeString(folder.resolve("ami-secret"), "s3cret-for-tests\n");
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    Optional<AmiLinks> links =
        ServeCommand.amiLinks(
            new AmiSettings("127.0.0.1", closedPort, "tabula", secret.toString()),
            new SimpleMeterRegistry());
    try (AdminServer admin =
            AdminServer.start(
                new AdminConfig("127.0.0.1", 0),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        HttpClient client = HttpClient.newHttpClient()) {
      admin.register(HealthCheck.of("agi", () -> HealthStatus.up("listening")));
      SecureInputHealth.register(admin, links, ServeCommand.recordingControl(links, false));

      HealthReport report = admin.report();
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(report.overall()).isEqualTo(HealthStatus.State.DEGRADED);
      assertThat(report.capabilities())
          .containsEntry(Capability.CALLS, HealthStatus.State.UP)
          .containsEntry(Capability.SECURE_INPUT, HealthStatus.State.DOWN);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"secure_input\":\"DOWN\"")
          .contains("\"calls\":\"UP\"")
          .contains("secure input cannot start");
    } finally {
      links.ifPresent(AmiLinks::close);
    }
  }

  @Test
  void withoutAnyAmiLinkSecureInputIsReportedDown() {
    try (AdminServer admin =
        AdminServer.start(
            new AdminConfig("127.0.0.1", 0),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      SecureInputHealth.register(
          admin, Optional.empty(), ServeCommand.recordingControl(Optional.empty(), false));

      HealthReport report = admin.report();

      assertThat(report.serving()).isTrue();
      assertThat(report.capabilities())
          .containsEntry(Capability.SECURE_INPUT, HealthStatus.State.DOWN);
      assertThat(report.checks().get("ami").detail()).contains("ami.host");
    }
  }
}
