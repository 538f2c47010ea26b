package io.tabula.engine.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The engine's admin endpoint: {@code GET /health} (JSON, 200 while serving, 503 when taking calls
 * is DOWN; each capability's state beside the checks, see {@link HealthReport}), {@code GET /ready}
 * and {@code GET /live} (200 or 503 with the reasons, for a readiness and a liveness probe, see
 * {@link #readiness} and {@link #liveness}), and {@code GET /metrics} in Prometheus text format.
 * Only these exact paths answer (anything else is 404), only to GET, and, when {@code
 * admin.tokenFile} is set, only with {@code Authorization: Bearer <token>} (401 otherwise; the two
 * probes answer without it, their status only). Bound beyond loopback it refuses to start without a
 * token.
 *
 * <pre>{@code
 * try (AdminServer admin = AdminServer.start(AdminConfig.defaults(), registry)) {
 *   admin.register(poolHealth);
 *   ...
 * }
 * }</pre>
 */
public final class AdminServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HEALTH = "/health";
  private static final String METRICS = "/metrics";
  private static final String READY = "/ready";
  private static final String LIVE = "/live";
  private static final java.util.Set<String> PATHS = java.util.Set.of(HEALTH, METRICS, READY, LIVE);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final PrometheusMeterRegistry metrics;
  private final Optional<AdminToken> token;
  // Until serve sets its own: ready while taking calls is not DOWN, live while the server answers.
  private volatile Probe readiness = () -> ProbeResult.of(notServing());
  private volatile Probe liveness = () -> ProbeResult.PASSING;

  private AdminServer(
      HttpServer server, PrometheusMeterRegistry metrics, Optional<AdminToken> token) {
    this.server = server;
    this.metrics = metrics;
    this.token = token;
  }

  /**
   * Binds and starts serving; fails with a clear message when the port is taken.
   *
   * @throws io.tabula.engine.config.ConfigException when the address is beyond loopback and no
   *     token is configured, or the token file cannot be read
   */
  public static AdminServer start(AdminConfig config, PrometheusMeterRegistry metrics) {
    config.requireAuthenticationBeyondLoopback();
    Optional<AdminToken> token = config.token().map(AdminToken::read);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(config.address(), config.port()), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the admin endpoint on "
              + config.address()
              + ":"
              + config.port()
              + " ("
              + e.getMessage()
              + "); choose another admin.port or stop what uses it",
          e);
    }
    AdminServer admin = new AdminServer(http, metrics, token);
    // One context for every path: HttpServer matches contexts by prefix ("/health" would also
    // answer "/healthz" and "/health/x"), so the exact path is chosen in route().
    http.createContext("/", admin::route);
    http.setExecutor(admin.executor);
    http.start();
    return admin;
  }

  public void register(HealthCheck check) {
    checks.add(check);
  }

  /** What {@code GET /ready} answers: whether a load balancer should send new calls here. */
  public void readiness(Probe probe) {
    this.readiness = probe;
  }

  /** What {@code GET /live} answers: whether the process still works or should be restarted. */
  public void liveness(Probe probe) {
    this.liveness = probe;
  }

  private List<String> notServing() {
    HealthReport report = report();
    return report.serving()
        ? List.of()
        : List.of("taking calls is DOWN; GET /health says which check fails");
  }

  public HealthReport report() {
    return HealthReport.of(checks);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void route(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (!PATHS.contains(path)) {
        reply(
            exchange,
            404,
            "not found; the admin endpoint serves GET /health, /ready, /live and /metrics");
      } else if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        reply(exchange, 405, "only GET is served");
      } else if (path.equals(READY) || path.equals(LIVE)) {
        // Probes answer without the token (a kubelet's probe carries no secret); only the status
        // is shown then, the reasons only to whoever holds the token.
        boolean detailed = authorized(exchange);
        if (path.equals(READY)) {
          probe(exchange, readiness, "READY", "NOT_READY", detailed);
        } else {
          probe(exchange, liveness, "LIVE", "NOT_LIVE", detailed);
        }
      } else if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"tabula-admin\"");
        reply(
            exchange,
            401,
            "send the token of admin.tokenFile as 'Authorization: Bearer <token>'"
                + " (tabula health --token-file FILE)");
      } else if (path.equals(HEALTH)) {
        health(exchange);
      } else {
        metrics(exchange);
      }
    }
  }

  private boolean authorized(HttpExchange exchange) {
    return token.isEmpty()
        || token.get().admits(exchange.getRequestHeaders().getFirst("Authorization"));
  }

  private static void reply(HttpExchange exchange, int status, String text) throws IOException {
    respond(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  private void health(HttpExchange exchange) throws IOException {
    HealthReport report = report();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", report.overall().name());
    ObjectNode capabilities = body.putObject("capabilities");
    report.capabilities().forEach((c, state) -> capabilities.put(c.key(), state.name()));
    ObjectNode parts = body.putObject("checks");
    report
        .checks()
        .forEach(
            (name, status) ->
                parts
                    .putObject(name)
                    .put("status", status.state().name())
                    .put("detail", status.detail()));
    respond(
        exchange, report.serving() ? 200 : 503, "application/json", JSON.writeValueAsBytes(body));
  }

  private static void probe(
      HttpExchange exchange, Probe probe, String pass, String fail, boolean detailed)
      throws IOException {
    ProbeResult result;
    try {
      result = probe.probe();
    } catch (RuntimeException e) {
      result = ProbeResult.of(List.of("the probe failed: " + e.getClass().getSimpleName()));
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("status", result.passing() ? pass : fail);
    if (detailed) {
      com.fasterxml.jackson.databind.node.ArrayNode reasons = body.putArray("reasons");
      result.reasons().forEach(reasons::add);
    }
    respond(
        exchange, result.passing() ? 200 : 503, "application/json", JSON.writeValueAsBytes(body));
  }

  private void metrics(HttpExchange exchange) throws IOException {
    respond(
        exchange,
        200,
        "text/plain; version=0.0.4; charset=utf-8",
        metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
