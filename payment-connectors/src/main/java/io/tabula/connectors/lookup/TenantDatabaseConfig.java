package io.tabula.connectors.lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tenant's customer database: where it is, how to log in, its TLS material, its limits, its
 * breaker and its named lookups.
 *
 * <pre>{@code
 * TenantDatabaseConfig config = TenantDatabaseConfig.postgresql("springfield",
 *         "db.springfield.example", 5432, "billing", "tabula_reader", password,
 *         TlsSettings.verifyServer(Path.of("/etc/tabula/springfield-ca.pem")))
 *     .withLookups(List.of(parkingTicket, utilityBalance));
 * }</pre>
 *
 * @param extraProperties further driver properties; {@link TlsPolicy} refuses any that would weaken
 *     TLS verification
 */
public record TenantDatabaseConfig(
    String tenant,
    DatabaseDialect dialect,
    String host,
    int port,
    String database,
    String user,
    String password,
    TlsSettings tls,
    DatabaseLimits limits,
    BreakerSettings breaker,
    Map<String, LookupQuery> lookups,
    Map<String, String> extraProperties) {

  public TenantDatabaseConfig {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(breaker, "breaker");
    lookups = Map.copyOf(lookups);
    extraProperties = Map.copyOf(extraProperties);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port (1-65535)");
    }
  }

  /** A PostgreSQL database with default limits and breaker and no lookups yet. */
  public static TenantDatabaseConfig postgresql(
      String tenant,
      String host,
      int port,
      String database,
      String user,
      String password,
      TlsSettings tls) {
    return new TenantDatabaseConfig(
        tenant,
        DatabaseDialect.postgresql(),
        host,
        port,
        database,
        user,
        password,
        tls,
        DatabaseLimits.defaults(),
        BreakerSettings.defaults(),
        Map.of(),
        Map.of());
  }

  public TenantDatabaseConfig withDialect(DatabaseDialect newDialect) {
    return new TenantDatabaseConfig(
        tenant,
        newDialect,
        host,
        port,
        database,
        user,
        password,
        tls,
        limits,
        breaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withLookups(List<LookupQuery> queries) {
    Map<String, LookupQuery> byName = new LinkedHashMap<>();
    queries.forEach(query -> byName.put(query.name(), query));
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        user,
        password,
        tls,
        limits,
        breaker,
        byName,
        extraProperties);
  }

  public TenantDatabaseConfig withLimits(DatabaseLimits newLimits) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        user,
        password,
        tls,
        newLimits,
        breaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withBreaker(BreakerSettings newBreaker) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        user,
        password,
        tls,
        limits,
        newBreaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withTls(TlsSettings newTls) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        user,
        password,
        newTls,
        limits,
        breaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withEndpoint(String newHost, int newPort) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        newHost,
        newPort,
        database,
        user,
        password,
        tls,
        limits,
        breaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withUser(String newUser, String newPassword) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        newUser,
        newPassword,
        tls,
        limits,
        breaker,
        lookups,
        extraProperties);
  }

  public TenantDatabaseConfig withExtraProperties(Map<String, String> properties) {
    return new TenantDatabaseConfig(
        tenant,
        dialect,
        host,
        port,
        database,
        user,
        password,
        tls,
        limits,
        breaker,
        lookups,
        properties);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "TenantDatabaseConfig[tenant="
        + tenant
        + ", "
        + dialect.name()
        + "://"
        + host
        + ":"
        + port
        + "/"
        + database
        + ", user="
        + user
        + ", lookups="
        + lookups.keySet()
        + "]";
  }
}
