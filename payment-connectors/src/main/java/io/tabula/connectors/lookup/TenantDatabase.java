package io.tabula.connectors.lookup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant's database: its HikariCP pool, its circuit breaker and its prepared lookups. Logs name
 * the tenant, the lookup and the outcome, never a parameter or a database message.
 */
final class TenantDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TenantDatabase.class);

  private final TenantDatabaseConfig config;
  private final ConnectionSettings settings;
  private final Map<String, PreparedLookup> lookups = new LinkedHashMap<>();
  private final HikariDataSource pool;
  private final CircuitBreaker breaker;

  TenantDatabase(TenantDatabaseConfig config, MeterRegistry registry) {
    this.config = config;
    this.settings = ConnectionSettings.of(config);
    config
        .lookups()
        .forEach((name, query) -> lookups.put(name, PreparedLookup.of(query, config.dialect())));
    this.breaker = TenantBreaker.create(config.tenant(), config.breaker(), registry);
    this.pool = new HikariDataSource(poolConfig(registry));
  }

  private HikariConfig poolConfig(MeterRegistry registry) {
    DatabaseLimits limits = config.limits();
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("tabula-lookup-" + config.tenant());
    hikari.setDriverClassName(config.dialect().driverClassName());
    hikari.setJdbcUrl(settings.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setDataSourceProperties(settings.properties());
    hikari.setConnectionTimeout(limits.acquire().toMillis());
    hikari.setValidationTimeout(Math.max(250, limits.acquire().toMillis() / 2));
    hikari.setMaximumPoolSize(limits.maxPoolSize());
    hikari.setMinimumIdle(limits.minIdle());
    hikari.setReadOnly(true);
    // The engine starts even when a tenant's database is down; lookups fail and the breaker opens.
    hikari.setInitializationFailTimeout(-1);
    hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return hikari;
  }

  LookupResult run(String lookupName, LookupParameters parameters) {
    PreparedLookup lookup = lookups.get(lookupName);
    if (lookup == null) {
      return new LookupResult.Failed(LookupFailure.UNKNOWN_LOOKUP);
    }
    if (!lookup.accepts(parameters)) {
      return new LookupResult.Failed(LookupFailure.BAD_PARAMETERS);
    }
    if (!breaker.tryAcquirePermission()) {
      return new LookupResult.Failed(LookupFailure.BREAKER_OPEN);
    }
    long start = System.nanoTime();
    try {
      LookupResult result = query(lookup, parameters);
      breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      return result;
    } catch (SQLException | RuntimeException e) {
      return failed(lookupName, e, System.nanoTime() - start);
    }
  }

  private LookupResult query(PreparedLookup lookup, LookupParameters parameters)
      throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(lookup.sql().jdbcSql())) {
      statement.setMaxRows(1);
      // No setQueryTimeout: the server's statement_timeout cancels the statement, and pgjdbc's
      // client-side timer would add a synchronized timer task to every lookup. If the server
      // stops answering altogether, the socket timeout ends the wait.
      lookup.bind(statement, parameters);
      try (ResultSet rows = statement.executeQuery()) {
        if (!rows.next()) {
          return new LookupResult.NotFound();
        }
        return new LookupResult.Found(ResultMapper.map(rows, lookup.query().columns()));
      }
    }
  }

  private LookupResult failed(String lookupName, Exception error, long nanos) {
    LookupFailure failure = FailureClassifier.classify(error);
    if (failure.isDatabaseFault()) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, error);
    } else {
      breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }
    // Type and SQLSTATE only: a driver message can quote the parameter that failed to parse.
    LOG.warn(
        "lookup '{}' for tenant '{}' failed: {} ({}, SQLSTATE {}); {}",
        lookupName,
        config.tenant(),
        failure,
        error.getClass().getSimpleName(),
        error instanceof SQLException sql ? sql.getSQLState() : "-",
        failure.advice());
    return new LookupResult.Failed(failure);
  }

  /** Opens one fresh connection outside the pool and explains any refusal. */
  void checkConnection() throws DatabaseConnectionException {
    java.util.Properties properties = settings.properties();
    properties.setProperty("user", config.user());
    properties.setProperty("password", config.password());
    try (Connection connection = DriverManager.getConnection(settings.url(), properties)) {
      connection.isValid((int) ConnectionSettings.seconds(config.limits().connect()));
    } catch (SQLException e) {
      throw new DatabaseConnectionException(
          config.tenant(), config.host() + ":" + config.port(), ConnectionProblem.ofChain(e), e);
    }
  }

  BreakerState breakerState() {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> BreakerState.OPEN;
      case HALF_OPEN -> BreakerState.HALF_OPEN;
      default -> BreakerState.CLOSED;
    };
  }

  @Override
  public void close() {
    pool.close();
  }
}
