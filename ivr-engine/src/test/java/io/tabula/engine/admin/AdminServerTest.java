package io.tabula.engine.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.config.ConfigException;
import io.tabula.masking.memory.CallMemoryMetrics;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real HTTP on loopback against the admin endpoint. */
class AdminServerTest {

  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

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
  void readyAndLiveAnswerFromTheirOwnProbesAndLeaveHealthAsItIs() throws Exception {
    admin.register(fixed("agi", HealthStatus.up("listening")));
    admin.readiness(() -> ProbeResult.of(java.util.List.of("draining: no new calls")));
    admin.liveness(() -> ProbeResult.PASSING);

    HttpResponse<String> ready = get("/ready");
    HttpResponse<String> live = get("/live");
    HttpResponse<String> health = get("/health");

    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("\"NOT_READY\"").contains("draining: no new calls");
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.body()).contains("\"LIVE\"");
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void aFailingLivenessProbeAnswers503WithItsReasons() throws Exception {
    admin.liveness(
        () -> ProbeResult.of(java.util.List.of("event loop 0 did not answer within 2000 ms")));

    HttpResponse<String> live = get("/live");

    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(live.body()).contains("NOT_LIVE").contains("event loop 0");
  }

  @Test
  void withoutItsOwnProbeReadyFollowsWhetherTheEngineTakesCalls() throws Exception {
    assertThat(get("/ready").statusCode()).isEqualTo(200);

    admin.register(fixed("agi", HealthStatus.down("not listening")));

    assertThat(get("/ready").statusCode()).isEqualTo(503);
    assertThat(get("/live").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAreServedInPrometheusFormat() throws Exception {
    new CallMemoryMetrics(pool).bindTo(registry);

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("tabula_callmemory_slots_free 1.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/healthz", "/health/x", "/metricsz", "/metrics/../health", "/", "/x"})
  void onlyTheExactPathsAnswer(String path) throws Exception {
    HttpResponse<String> response = get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("/health", "/metrics");
  }

  @Test
  void withATokenFileEveryRequestMustCarryTheToken(@TempDir Path dir) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), TOKEN + "\n");
    try (AdminServer guarded =
        AdminServer.start(new AdminConfig("127.0.0.1", 0, tokenFile.toString()), registry)) {
      URI health = URI.create("http://127.0.0.1:" + guarded.port() + "/health");

      HttpResponse<String> without = send(HttpRequest.newBuilder(health));
      HttpResponse<String> wrong =
          send(HttpRequest.newBuilder(health).header("Authorization", "Bearer " + "f" + TOKEN));
      HttpResponse<String> right =
          send(HttpRequest.newBuilder(health).header("Authorization", "Bearer " + TOKEN));

      assertThat(without.statusCode()).isEqualTo(401);
      assertThat(without.headers().firstValue("WWW-Authenticate"))
          .contains("Bearer realm=\"tabula-admin\"");
      assertThat(without.body()).contains("admin.tokenFile").doesNotContain(TOKEN);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(right.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void probesAnswerWithoutTheTokenButOnlyTheTokenShowsTheReasons(@TempDir Path dir)
      throws Exception {
    // A kubelet's probe cannot carry a secret; what it learns is the status and nothing more.
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), TOKEN + "\n");
    try (AdminServer guarded =
        AdminServer.start(new AdminConfig("127.0.0.1", 0, tokenFile.toString()), registry)) {
      guarded.readiness(() -> ProbeResult.of(List.of("draining: no new calls")));
      URI ready = URI.create("http://127.0.0.1:" + guarded.port() + "/ready");
      URI live = URI.create("http://127.0.0.1:" + guarded.port() + "/live");

      HttpResponse<String> anonymous = send(HttpRequest.newBuilder(ready));
      HttpResponse<String> withToken =
          send(HttpRequest.newBuilder(ready).header("Authorization", "Bearer " + TOKEN));

      assertThat(anonymous.statusCode()).isEqualTo(503);
      assertThat(anonymous.body()).contains("NOT_READY").doesNotContain("draining");
      assertThat(withToken.statusCode()).isEqualTo(503);
      assertThat(withToken.body()).contains("draining: no new calls");
      assertThat(send(HttpRequest.newBuilder(live)).statusCode()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::"})
  void beyondLoopbackWithoutATokenItRefusesToStart(String address) {
    assertThatThrownBy(() -> AdminServer.start(new AdminConfig(address, 0), registry))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("admin.tokenFile")
        .hasMessageContaining("TABULA_ADMIN_TOKEN_FILE")
        .hasMessageContaining("127.0.0.1");
  }

  @Test
  void beyondLoopbackWithATokenItStarts(@TempDir Path dir) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), TOKEN);
    try (AdminServer open =
        AdminServer.start(new AdminConfig("0.0.0.0", 0, tokenFile.toString()), registry)) {
      assertThat(open.port()).isPositive();
    }
  }

  @Test
  void aTokenTooShortToBeSafeIsRefused(@TempDir Path dir) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("admin-token"), "secret");
    assertThatThrownBy(
            () ->
                AdminServer.start(new AdminConfig("127.0.0.1", 0, tokenFile.toString()), registry))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("at least 16")
        .hasMessageContaining("openssl rand -hex 32")
        .hasMessageNotContaining("secret");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HealthCheck fixed(String name, HealthStatus status) {
    return HealthCheck.of(name, () -> status);
  }
}
