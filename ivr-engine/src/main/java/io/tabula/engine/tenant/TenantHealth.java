package io.tabula.engine.tenant;

import io.tabula.connectors.lookup.BreakerState;
import io.tabula.engine.admin.HealthCheck;
import io.tabula.engine.admin.HealthStatus;
import io.tabula.engine.tenant.config.TenantFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@code /health} line per tenant database ({@code tenant.<id>.database}), and a background
 * thread that connects to each database again every interval, so the line follows a database that
 * goes away or comes back. Health checks themselves never touch the network: they report the last
 * connection check and the pool's breaker.
 *
 * <p>A tenant's database problem is DEGRADED, not DOWN: the engine still serves every other tenant
 * and this tenant's flows take their error paths, so a container health check must not restart it.
 *
 * <pre>{@code
 * try (TenantHealth health = TenantHealth.start(tenants, Duration.ofSeconds(30))) {
 *   health.checks().forEach(admin::register);
 * }
 * }</pre>
 */
public final class TenantHealth implements AutoCloseable {

  private final Tenants tenants;
  private final ScheduledExecutorService checker;

  private TenantHealth(Tenants tenants, ScheduledExecutorService checker) {
    this.tenants = tenants;
    this.checker = checker;
  }

  /** Re-checks every database each {@code every}, the first time after {@code every}. */
  public static TenantHealth start(Tenants tenants, Duration every) {
    ScheduledExecutorService checker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tabula-tenant-health").daemon().factory());
    checker.scheduleWithFixedDelay(
        tenants::checkDatabases, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    return new TenantHealth(tenants, checker);
  }

  public List<HealthCheck> checks() {
    List<HealthCheck> checks = new ArrayList<>();
    for (TenantFile tenant : tenants.config().tenants()) {
      if (tenant.database().isPresent()) {
        String id = tenant.tenant();
        checks.add(
            HealthCheck.of(
                "tenant." + id + ".database",
                io.tabula.engine.admin.Capability.TENANT_CONNECTORS,
                () -> status(tenants, id)));
      }
    }
    return checks;
  }

  static HealthStatus status(Tenants tenants, String tenant) {
    Optional<DatabaseCheck> last = tenants.lastCheck(tenant);
    BreakerState breaker = tenants.breakerState(tenant).orElse(BreakerState.CLOSED);
    String when = last.map(c -> "; checked " + c.at()).orElse("; not checked yet");
    if (breaker == BreakerState.OPEN) {
      return HealthStatus.degraded(
          "breaker open: lookups fail at once while the database is failing" + when);
    }
    if (last.isPresent() && !last.get().reachable()) {
      return HealthStatus.degraded(last.get().describe() + when);
    }
    return HealthStatus.up(
        last.map(DatabaseCheck::describe).orElse("tenant " + tenant + ": pool open")
            + "; breaker "
            + breaker.name().toLowerCase(java.util.Locale.ROOT)
            + when);
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
