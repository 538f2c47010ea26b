package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.admin.AdminConfig;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HealthCommandTest {

  private final StringWriter out = new StringWriter();

  private int health(String url) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(out));
    return commandLine.execute("health", "--url", url);
  }

  @Test
  void exitCodeFollowsTheEnginesHealth() {
    try (AdminServer admin =
        AdminServer.start(
            new AdminConfig("127.0.0.1", 0),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      String url = "http://127.0.0.1:" + admin.port() + "/health";
      assertThat(health(url)).isZero();
      assertThat(out.toString()).contains("\"status\":\"UP\"");

      admin.register(check(HealthStatus.down("AGI listener closed")));
      assertThat(health(url)).isEqualTo(1);
    }
  }

  @Test
  void noEngineMeansExitTwoWithAHint() throws IOException {
    int freePort;
    try (ServerSocket probe = new ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }

    assertThat(health("http://127.0.0.1:" + freePort + "/health")).isEqualTo(2);
    assertThat(out.toString()).contains("Is 'tabula serve' running");
  }

  private static HealthCheck check(HealthStatus status) {
    return HealthCheck.of("agi", () -> status);
  }
}
