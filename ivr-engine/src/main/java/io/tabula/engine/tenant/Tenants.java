package io.tabula.engine.tenant;

import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.connectors.lookup.DatabaseConnectionException;
import io.tabula.connectors.lookup.JdbcBalanceLookup;
import io.tabula.connectors.lookup.TenantDatabaseConfig;
import io.tabula.connectors.payment.CardPayments;
import io.tabula.connectors.payment.CardValidator;
import io.tabula.connectors.payment.PaymentConfigurationException;
import io.tabula.connectors.payment.PaymentGateway;
import io.tabula.connectors.payment.PaymentGateways;
import io.tabula.connectors.payment.RetryPolicy;
import io.tabula.engine.tenant.config.LookupConnectorSettings;
import io.tabula.engine.tenant.config.PaymentConnectorSettings;
import io.tabula.engine.tenant.config.TenantFile;
import io.tabula.engine.tenant.config.TenantsConfig;
import io.tabula.engine.tenant.config.TenantsConfigException;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.PaymentConnector;
import io.tabula.flows.model.Diagnostic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants' real connectors, opened from their files: one {@link JdbcBalanceLookup} over every
 * tenant database (a pool and a breaker per tenant, verified TLS) and, per tenant, a payment
 * gateway with {@link CardPayments} checking the tenant's accepted brands. Each connector is bound
 * to its tenant, so a flow can only use its own tenant's data and merchant account.
 *
 * <pre>{@code
 * try (Tenants tenants = Tenants.open(TenantFiles.load(dir, FileChecks.full(env)), registry, clock)) {
 *   tenants.checkDatabases().forEach(check -> log.info(check.describe()));
 *   Engine.start(config, flows.handlers(tenants.connectors(), runner), recording, registry);
 * }
 * }</pre>
 */
public final class Tenants implements AutoCloseable {

  private final TenantsConfig config;
  private final Optional<JdbcBalanceLookup> lookups;
  private final List<PaymentGateway> gateways;
  private final Connectors connectors;
  private final Map<String, DatabaseCheck> lastChecks = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Tenants(
      TenantsConfig config,
      Optional<JdbcBalanceLookup> lookups,
      List<PaymentGateway> gateways,
      Connectors connectors) {
    this.config = config;
    this.lookups = lookups;
    this.gateways = gateways;
    this.connectors = connectors;
  }

  /**
   * Opens every tenant's pools and gateways. Pools connect in the background, so an unreachable
   * database does not stop the engine; {@link #checkDatabases()} says which are reachable.
   *
   * @throws TenantsConfigException when a gateway refuses its settings (e.g. a JSON template)
   */
  public static Tenants open(TenantsConfig config, MeterRegistry registry, Clock clock) {
    if (!config.filesChecked()) {
      throw new IllegalArgumentException(
          "tenant files loaded structure-only have no secrets; load them with FileChecks.full");
    }
    List<TenantDatabaseConfig> databases =
        config.tenants().stream()
            .flatMap(t -> t.database().stream())
            .map(LookupConnectorSettings::config)
            .toList();
    Optional<JdbcBalanceLookup> lookups =
        databases.isEmpty()
            ? Optional.empty()
            : Optional.of(JdbcBalanceLookup.open(databases, registry));
    List<PaymentGateway> gateways = new ArrayList<>();
    List<LookupConnector> lookupConnectors = new ArrayList<>();
    List<PaymentConnector> paymentConnectors = new ArrayList<>();
    try {
      for (TenantFile tenant : config.tenants()) {
        tenant
            .database()
            .map(d -> new JdbcLookupConnector(d.connector(), tenant.tenant(), lookups.get()))
            .ifPresent(lookupConnectors::add);
        tenant
            .payment()
            .map(p -> paymentConnector(tenant.tenant(), p, gateways, clock))
            .ifPresent(paymentConnectors::add);
      }
    } catch (RuntimeException e) {
      gateways.forEach(PaymentGateway::close);
      lookups.ifPresent(JdbcBalanceLookup::close);
      throw e;
    }
    return new Tenants(
        config, lookups, List.copyOf(gateways), Connectors.of(lookupConnectors, paymentConnectors));
  }

  /** Opens the tenant's gateway (added to {@code opened}) behind its own card checks. */
  private static PaymentConnector paymentConnector(
      String tenant, PaymentConnectorSettings payment, List<PaymentGateway> opened, Clock clock) {
    PaymentGateway gateway = openGateway(payment);
    opened.add(gateway);
    CardPayments payments =
        new CardPayments(
            gateway, new CardValidator(payment.acceptedBrands(), clock), RetryPolicy.defaults());
    return new GatewayPaymentConnector(payment.connector(), tenant, payments);
  }

  /**
   * Opens and closes every tenant's gateway without connecting anywhere, so connector-specific
   * settings (a JSON body template, a response mapping) are checked offline.
   *
   * @throws TenantsConfigException listing every gateway that refuses its settings
   */
  public static void checkGatewaySettings(TenantsConfig config) {
    checkGatewaySettings(config, tenant -> true);
  }

  /** The same for the tenants {@code which} selects (offline: those whose secrets exist here). */
  public static void checkGatewaySettings(
      TenantsConfig config, java.util.function.Predicate<TenantFile> which) {
    List<Diagnostic> problems = new ArrayList<>();
    for (TenantFile tenant : config.tenants().stream().filter(which).toList()) {
      tenant
          .payment()
          .ifPresent(
              payment -> {
                try {
                  openGateway(payment).close();
                } catch (TenantsConfigException e) {
                  problems.addAll(e.problems());
                }
              });
    }
    if (!problems.isEmpty()) {
      throw new TenantsConfigException(problems);
    }
  }

  private static PaymentGateway openGateway(PaymentConnectorSettings payment) {
    try {
      return PaymentGateways.open(payment.gateway());
    } catch (PaymentConfigurationException e) {
      throw new TenantsConfigException(
          List.of(
              new Diagnostic(
                  payment.pos(),
                  "the "
                      + payment.gateway().connector()
                      + " gateway refused its settings: "
                      + e.getMessage(),
                  "fix the payment section (see docs/payments.md for the gateway's settings)")));
    }
  }

  public TenantsConfig config() {
    return config;
  }

  /** The connectors flows use, by the names in the tenant files. */
  public Connectors connectors() {
    return connectors;
  }

  /**
   * The tenants' connectors plus stand-ins that fail every request for names the flows use but no
   * tenant file defines (serve logs those as errors), so those flows still compile and go live.
   */
  public Connectors connectorsWith(Set<String> missingLookups, Set<String> missingPayments) {
    List<LookupConnector> lookupConnectors = new ArrayList<>();
    connectors.lookupNames().forEach(n -> lookupConnectors.add(connectors.lookup(n).orElseThrow()));
    missingLookups.forEach(n -> lookupConnectors.add(new UnconfiguredConnector(n)));
    List<PaymentConnector> paymentConnectors = new ArrayList<>();
    connectors
        .paymentNames()
        .forEach(n -> paymentConnectors.add(connectors.payment(n).orElseThrow()));
    missingPayments.forEach(n -> paymentConnectors.add(new UnconfiguredConnector(n)));
    return Connectors.of(lookupConnectors, paymentConnectors);
  }

  /** Connects once to every tenant database (sequentially) and remembers the outcome. */
  public List<DatabaseCheck> checkDatabases() {
    List<DatabaseCheck> checks = new ArrayList<>();
    for (TenantFile tenant : config.tenants()) {
      tenant.database().ifPresent(d -> checks.add(checkDatabase(tenant.tenant(), d)));
    }
    return checks;
  }

  /** Connects once to one tenant's database; empty when the tenant has none. */
  public Optional<DatabaseCheck> checkDatabase(String tenant) {
    return config.tenant(tenant).flatMap(TenantFile::database).map(d -> checkDatabase(tenant, d));
  }

  private DatabaseCheck checkDatabase(String tenant, LookupConnectorSettings database) {
    Optional<io.tabula.connectors.lookup.ConnectionProblem> problem = Optional.empty();
    Optional<String> cause = Optional.empty();
    try {
      lookups.orElseThrow().checkConnection(tenant);
    } catch (DatabaseConnectionException e) {
      problem = Optional.of(e.problem());
      cause = DatabaseCheck.causeOf(e);
    }
    DatabaseCheck check =
        new DatabaseCheck(
            tenant,
            database.connector(),
            database.endpoint(),
            problem,
            cause,
            java.time.Instant.now());
    lastChecks.put(tenant, check);
    return check;
  }

  /** The latest connection check of a tenant's database, if one ran. */
  public Optional<DatabaseCheck> lastCheck(String tenant) {
    return Optional.ofNullable(lastChecks.get(tenant));
  }

  /** The breaker of a tenant's database pool; empty when the tenant has no database. */
  public Optional<io.tabula.connectors.lookup.BreakerState> breakerState(String tenant) {
    return config.tenant(tenant).flatMap(TenantFile::database).isPresent()
        ? lookups.map(l -> l.breakerState(tenant))
        : Optional.empty();
  }

  /** Closes every gateway and pool; safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    gateways.forEach(PaymentGateway::close);
    lookups.ifPresent(JdbcBalanceLookup::close);
  }
}
