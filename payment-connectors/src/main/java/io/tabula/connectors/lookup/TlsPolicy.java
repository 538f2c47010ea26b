package io.tabula.connectors.lookup;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Refuses any configuration that would turn TLS verification off. For PostgreSQL the connector owns
 * every TLS property, so a tenant may set none of them; for other dialects the known switches of
 * MySQL, SQL Server, Oracle and pgjdbc-like drivers that disable encryption or verification are
 * refused by name and value.
 */
final class TlsPolicy {

  /** pgjdbc properties the connector sets itself; a tenant must not override them. */
  private static final Set<String> POSTGRES_OWNED =
      Set.of(
          "ssl",
          "sslmode",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslrootcert",
          "sslcert",
          "sslkey",
          "sslpassword",
          "sslpasswordcallback",
          "sslnegotiation",
          "gssencmode",
          "logserverrordetail",
          "tabulaclientkeystore",
          "tabulaclientkeystorepassword");

  /** property (lower case) = value (lower case) pairs that weaken TLS in common JDBC drivers. */
  private static final Map<String, Set<String>> WEAKENING_VALUES =
      Map.of(
          "sslmode",
              Set.of(
                  "disable",
                  "allow",
                  "prefer",
                  "require",
                  "verify-ca",
                  "disabled",
                  "preferred",
                  "required",
                  "verify_ca"),
          "usessl", Set.of("false"),
          "requiressl", Set.of("false"),
          "verifyservercertificate", Set.of("false"),
          "trustservercertificate", Set.of("true"),
          "encrypt", Set.of("false", "optional", "no"),
          "oracle.net.ssl_server_dn_match", Set.of("false"),
          "ssl", Set.of("false"));

  private TlsPolicy() {}

  static void check(TenantDatabaseConfig config) {
    if (config.dialect().urlTemplate().contains("?")
        || config.dialect().urlTemplate().contains(";")) {
      throw refuse(
          config,
          "the URL template",
          "carries driver options",
          "move them to tlsProperties or extraProperties, where they are checked");
    }
    if (config.dialect().isPostgresql()) {
      checkPostgres(config);
    } else {
      checkOther(config);
    }
  }

  private static void checkPostgres(TenantDatabaseConfig config) {
    if (!config.dialect().tlsProperties().isEmpty()) {
      throw refuse(
          config,
          "tlsProperties",
          "is set for PostgreSQL",
          "remove it: the connector sets sslmode=verify-full and the CA from tls.caCertificate");
    }
    for (String key : config.extraProperties().keySet()) {
      if (POSTGRES_OWNED.contains(key.toLowerCase(Locale.ROOT))) {
        throw refuse(
            config,
            key,
            "is owned by the connector",
            "remove it; TLS always runs with sslmode=verify-full against tls.caCertificate");
      }
    }
  }

  private static void checkOther(TenantDatabaseConfig config) {
    if (config.dialect().tlsProperties().isEmpty()) {
      throw refuse(
          config,
          "tlsProperties",
          "is empty",
          "give the driver's properties that switch on TLS with certificate and host-name"
              + " verification");
    }
    checkValues(config, config.dialect().tlsProperties());
    checkValues(config, config.extraProperties());
  }

  private static void checkValues(TenantDatabaseConfig config, Map<String, String> properties) {
    properties.forEach(
        (key, value) -> {
          String lowerKey = key.toLowerCase(Locale.ROOT);
          String lowerValue = value.toLowerCase(Locale.ROOT).trim();
          if (WEAKENING_VALUES.getOrDefault(lowerKey, Set.of()).contains(lowerValue)
              || lowerValue.contains("nonvalidating")
              || lowerValue.contains("trustall")) {
            throw refuse(
                config,
                key + "=" + value,
                "turns off TLS or its verification",
                "remove it; Tabula always verifies the database's certificate and host name");
          }
        });
  }

  private static InsecureTlsConfigurationException refuse(
      TenantDatabaseConfig config, String what, String problem, String fix) {
    return new InsecureTlsConfigurationException(
        "tenant '" + config.tenant() + "': " + what + " " + problem + "; " + fix + ".");
  }
}
