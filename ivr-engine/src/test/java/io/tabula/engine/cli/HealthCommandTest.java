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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HealthCommandTest {

  private final StringWriter out = new StringWriter();

  private int health(String url, String... more) {
    CommandLine commandLine = TabulaCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(out));
    List<String> arguments = new ArrayList<>(List.of("health", "--url", url));
    arguments.addAll(List.of(more));
    return commandLine.execute(arguments.toArray(String[]::new));
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
  void theTokenOfTheEnginesTokenFileIsSent(@TempDir Path dir) throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), "0123456789abcdef0123\n");
    try (AdminServer admin =
        AdminServer.start(
            new AdminConfig("127.0.0.1", 0, tokenFile.toString()),
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      String url = "http://127.0.0.1:" + admin.port() + "/health";

      assertThat(health(url)).as("without the token").isEqualTo(1);
      assertThat(health(url, "--token-file", tokenFile.toString())).isZero();
      assertThat(out.toString()).contains("\"status\":\"UP\"").doesNotContain("0123456789abcdef");
    }
  }

  @Test
  void anUnreadableTokenFileIsExitTwoWithAHint(@TempDir Path dir) {
    Path missing = dir.resolve("no-such-token");

    assertThat(health("http://127.0.0.1:1/health", "--token-file", missing.toString()))
        .isEqualTo(2);
    assertThat(out.toString()).contains("admin.tokenFile", "openssl rand -hex 32");
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
