package io.tabula.connectors.lookup;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BalanceLookup} over JDBC: one HikariCP pool and one circuit breaker per tenant database,
 * TLS 1.2+ with full verification, named queries from the tenant configuration.
 *
 * <pre>{@code
 * try (JdbcBalanceLookup lookups = JdbcBalanceLookup.open(List.of(springfield), registry)) {
 *   lookups.checkConnection("springfield"); // explains a TLS refusal at startup
 *   LookupResult result = lookups.lookup("springfield", "parking-ticket",
 *       LookupParameters.builder().value("ticket", "PT-100234").build());
 * }
 * }</pre>
 */
public final class JdbcBalanceLookup implements BalanceLookup, AutoCloseable {

  private final Map<String, TenantDatabase> tenants;
  private final LookupMetrics metrics;

  private JdbcBalanceLookup(Map<String, TenantDatabase> tenants, LookupMetrics metrics) {
    this.tenants = tenants;
    this.metrics = metrics;
  }

  /**
   * Opens a pool per tenant. Pools connect lazily in the background, so an unreachable database
   * does not stop the engine from starting.
   *
   * @throws InsecureTlsConfigurationException when a configuration would weaken TLS
   */
  public static JdbcBalanceLookup open(List<TenantDatabaseConfig> configs, MeterRegistry registry) {
    DriverLogGuard.apply();
    Map<String, TenantDatabase> tenants = new LinkedHashMap<>();
    try {
      for (TenantDatabaseConfig config : configs) {
        if (tenants.containsKey(config.tenant())) {
          throw new IllegalArgumentException(
              "tenant '" + config.tenant() + "' has two database configurations; keep one");
        }
        tenants.put(config.tenant(), new TenantDatabase(config, registry));
      }
    } catch (RuntimeException e) {
      tenants.values().forEach(TenantDatabase::close);
      throw e;
    }
    return new JdbcBalanceLookup(Map.copyOf(tenants), new LookupMetrics(registry));
  }

  @Override
  public LookupResult lookup(String tenant, String lookupName, LookupParameters parameters) {
    long start = System.nanoTime();
    TenantDatabase database = tenants.get(tenant);
    LookupResult result =
        database == null
            ? new LookupResult.Failed(LookupFailure.UNKNOWN_TENANT)
            : database.run(lookupName, parameters);
    // An unknown tenant is tagged as such: a tag per made-up name would grow without bound.
    metrics.record(
        database == null ? "unknown" : tenant,
        lookupName,
        result,
        Duration.ofNanos(System.nanoTime() - start));
    return result;
  }

  /** Connects once to the tenant's database and explains any refusal. */
  public void checkConnection(String tenant) throws DatabaseConnectionException {
    database(tenant).checkConnection();
  }

  public BreakerState breakerState(String tenant) {
    return database(tenant).breakerState();
  }

  private TenantDatabase database(String tenant) {
    TenantDatabase database = tenants.get(tenant);
    if (database == null) {
      throw new IllegalArgumentException(
          "no database is configured for tenant '" + tenant + "'; add one to its configuration");
    }
    return database;
  }

  /** Closes every pool; safe to call twice. */
  @Override
  public void close() {
    tenants.values().forEach(TenantDatabase::close);
  }
}
