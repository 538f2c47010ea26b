package io.tabula.engine.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.engine.admin.AdminServer;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.tenant.DatabaseCheck;
import io.tabula.engine.tenant.FlowConnectorCheck;
import io.tabula.engine.tenant.GatewayProbe;
import io.tabula.engine.tenant.TenantHealth;
import io.tabula.engine.tenant.Tenants;
import io.tabula.engine.tenant.config.FileChecks;
import io.tabula.engine.tenant.config.PaymentConnectorSettings;
import io.tabula.engine.tenant.config.TenantFile;
import io.tabula.engine.tenant.config.TenantFiles;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.engine.tenant.config.TenantsConfigException;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connectors serve runs its flows with: the tenants' real databases and gateways from the files
 * in {@code tenants.dir}, or, when it is not set, the built-in demo connectors under {@code --demo}
 * only (with a WARN), otherwise none ({@link ServePreflight} refuses flows that need them). At
 * start-up it says, one line each, whether every tenant database and gateway is reachable (a
 * failure is a WARN, the engine still starts), and logs an ERROR for every flow step that names a
 * connector the tenant files do not define.
 *
 * <pre>{@code
 * try (ServeConnectors c = ServeConnectors.open(settings, System.getenv(), registry, demo)) {
 *   ... flows.handlers(connectors.connectors(), runner) ...
 * }
 * }</pre>
 */
final class ServeConnectors implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServeConnectors.class);

  /** How often tenant databases are connected to again for /health. */
  static final Duration RECHECK = Duration.ofSeconds(30);

  private final Connectors connectors;
  private final Optional<Tenants> tenants;
  private final Optional<TenantHealth> health;

  private ServeConnectors(
      Connectors connectors, Optional<Tenants> tenants, Optional<TenantHealth> health) {
    this.connectors = connectors;
    this.tenants = tenants;
    this.health = health;
  }

  /**
   * @throws TenantsConfigException listing every problem of the tenant files
   */
  static ServeConnectors open(
      EngineConfig settings,
      Map<String, String> environment,
      MeterRegistry registry,
      boolean demo) {
    Optional<Path> folder = settings.tenants().folder();
    if (folder.isEmpty() && demo) {
      LOG.warn(
          "--demo: no tenant connectors (tenants.dir is empty), so lookups and payments answer"
              + " from the built-in demo data in memory: callers hear approvals, nothing is"
              + " charged. Never in production; see docs/tenants.md");
      return new ServeConnectors(
          DemoConnectors.create(Clock.systemUTC()), Optional.empty(), Optional.empty());
    }
    if (folder.isEmpty()) {
      // No demo data unless asked for: a flow step naming a connector then fails to compile.
      return new ServeConnectors(
          Connectors.of(List.of(), List.of()), Optional.empty(), Optional.empty());
    }
    if (demo) {
      LOG.info("--demo is ignored: tenants.dir is set, so the tenants' own connectors serve");
    }
    TenantsConfig config = TenantFiles.load(folder.get(), FileChecks.full(environment));
    Tenants tenants = Tenants.open(config, registry, Clock.systemUTC());
    try {
      LOG.info("Tenants: {} file(s) in {}", config.tenants().size(), folder.get());
      checkAll(config, tenants);
      List<Flow> flows = FlowConnectorCheck.configuredFlows(settings.flows());
      FlowConnectorCheck.findings(flows, config).forEach(finding -> LOG.error("{}", finding));
      Connectors connectors =
          tenants.connectorsWith(
              FlowConnectorCheck.missingLookups(flows, config),
              FlowConnectorCheck.missingPayments(flows, config));
      return new ServeConnectors(
          connectors, Optional.of(tenants), Optional.of(TenantHealth.start(tenants, RECHECK)));
    } catch (RuntimeException e) {
      tenants.close();
      throw e;
    }
  }

  /**
   * Every database connection and gateway handshake at once (one virtual thread each), so start-up
   * waits for the slowest one, not for their sum; the lines come out in file order.
   */
  private static void checkAll(TenantsConfig config, Tenants tenants) {
    List<Future<Optional<DatabaseCheck>>> databases = new ArrayList<>();
    List<Future<Optional<String>>> gateways = new ArrayList<>();
    try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
      for (TenantFile tenant : config.tenants()) {
        databases.add(checks.submit(() -> tenants.checkDatabase(tenant.tenant())));
        gateways.add(checks.submit(() -> probe(tenant)));
      }
    }
    databases.forEach(check -> done(check).ifPresent(ServeConnectors::log));
    for (int i = 0; i < config.tenants().size(); i++) {
      logPayment(config.tenants().get(i), done(gateways.get(i)));
    }
  }

  /**
   * A finished database check's result (the executor's close waited for all of them); a check that
   * threw counts as no result, with a WARN naming the exception's type.
   */
  private static <T> Optional<T> done(Future<Optional<T>> check) {
    if (check.state() == Future.State.SUCCESS) {
      return check.resultNow();
    }
    LOG.warn(
        "A start-up connection check failed unexpectedly ({}); the engine starts anyway",
        check.exceptionNow().getClass().getSimpleName());
    return Optional.empty();
  }

  /** The gateway's problem, if any; a probe that throws is a problem too, never a success. */
  private static Optional<String> probe(TenantFile tenant) {
    try {
      return tenant.payment().flatMap(p -> GatewayProbe.handshake(p.gateway()));
    } catch (RuntimeException e) {
      return Optional.of("the TLS check failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void log(DatabaseCheck check) {
    if (check.reachable()) {
      LOG.info("{}", check.describe());
    } else {
      LOG.warn(
          "{}; the engine starts anyway and its lookups fail until it is fixed", check.describe());
    }
  }

  private static void logPayment(TenantFile tenant, Optional<String> problem) {
    if (tenant.payment().isEmpty()) {
      return;
    }
    PaymentConnectorSettings payment = tenant.payment().get();
    String line =
        "tenant "
            + tenant.tenant()
            + ": payment connector "
            + payment.connector()
            + " via "
            + payment.gateway().connector()
            + " at "
            + payment.gateway().endpoint()
            + " (API key from "
            + payment.gateway().apiKey()
            + ")";
    if (problem.isEmpty()) {
      LOG.info("{}: TLS handshake verified", line);
    } else {
      LOG.warn("{}: {}; payments fail until it is fixed", line, problem.get());
    }
  }

  Connectors connectors() {
    return connectors;
  }

  /** One /health line per tenant database. */
  void registerHealth(AdminServer admin) {
    health.ifPresent(h -> h.checks().forEach(admin::register));
  }

  @Override
  public void close() {
    health.ifPresent(TenantHealth::close);
    tenants.ifPresent(Tenants::close);
  }
}
