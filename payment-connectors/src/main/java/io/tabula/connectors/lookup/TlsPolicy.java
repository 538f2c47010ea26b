package io.tabula.connectors.lookup;

import java.util.Set;

/**
 * Accepts only configurations known to verify TLS, and refuses everything else by default.
 *
 * <p>Only the built-in PostgreSQL dialect (pgjdbc, exactly {@link DatabaseDialect#postgresql()}) is
 * accepted: its TLS runs through {@link VerifiedTlsSocketFactory} with {@code sslmode=verify-full},
 * which the tests prove against a test CA. Other drivers are refused until their TLS is tested the
 * same way: a list of known-bad settings let through every setting it did not know (Connector/J
 * reads {@code useSSL=no} as false, for one).
 *
 * <p>A PostgreSQL tenant may add only the driver properties in {@link #POSTGRES_EXTRA}, none of
 * which touches the transport, the timeouts or the error detail the connector sets.
 */
final class TlsPolicy {

  /**
   * pgjdbc properties (exact names, as pgjdbc reads them) that change how results are fetched and
   * statements prepared, never how the connection is made or secured.
   */
  static final Set<String> POSTGRES_EXTRA =
      Set.of(
          "defaultRowFetchSize",
          "prepareThreshold",
          "preparedStatementCacheQueries",
          "preparedStatementCacheSizeMiB",
          "readOnly",
          "currentSchema");

  private TlsPolicy() {}

  static void check(TenantDatabaseConfig config) {
    if (!config.dialect().equals(DatabaseDialect.postgresql())) {
      throw refuse(
          config,
          "dialect '" + config.dialect().name() + "'",
          "has no tested TLS verification in Tabula",
          "use the built-in PostgreSQL dialect (only PostgreSQL is accepted until another driver's"
              + " certificate and host-name checks are tested)");
    }
    for (String key : config.extraProperties().keySet()) {
      if (!POSTGRES_EXTRA.contains(key)) {
        throw refuse(
            config,
            key,
            "is not a driver property Tabula lets a tenant set",
            "remove it; TLS always runs with sslmode=verify-full against tls.caCertificate, and"
                + " the properties a tenant may add are "
                + String.join(", ", POSTGRES_EXTRA.stream().sorted().toList()));
      }
    }
  }

  private static InsecureTlsConfigurationException refuse(
      TenantDatabaseConfig config, String what, String problem, String fix) {
    return new InsecureTlsConfigurationException(
        "tenant '" + config.tenant() + "': " + what + " " + problem + "; " + fix + ".");
  }
}
