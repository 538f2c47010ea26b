package io.tabula.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.masking.memory.CallMemoryMetrics;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP on loopback against the admin endpoint. */
class AdminServerTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CallMemoryPool pool =
      CallMemoryPool.open(new CallMemoryPoolConfig(1, 64, false, false));
  private final AdminServer admin = AdminServer.start(new AdminConfig("127.0.0.1", 0), registry);
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    client.close();
    admin.close();
    pool.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthIsTheWorstOfAllChecksAndSaysWhy() throws Exception {
    admin.register(new CallMemoryHealth(pool));
    admin.register(fixed("agi", HealthStatus.up("listening on 127.0.0.1:4573")));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"DEGRADED\"")
        .contains("mlock disabled by configuration")
        .contains("listening on 127.0.0.1:4573");
  }

  @Test
  void aDownPartMakesTheEngineUnhealthy() throws Exception {
    admin.register(fixed("ami.pbx1", HealthStatus.down("reconnecting since 10:02:11")));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("\"ami.pbx1\"").contains("reconnecting");
  }

  @Test
  void aCheckThatThrowsCountsAsDown() {
    admin.register(
        HealthCheck.of(
            "broken",
            () -> {
              throw new IllegalStateException("boom");
            }));

    HealthReport report = admin.report();

    assertThat(report.serving()).isFalse();
    assertThat(report.checks().get("broken").detail())
        .isEqualTo("health check failed: IllegalStateException");
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    new CallMemoryMetrics(pool).bindTo(registry);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("tabula_callmemory_slots_free 1.0");
  }

  private static HealthCheck fixed(String name, HealthStatus status) {
    return HealthCheck.of(name, () -> status);
  }
}
