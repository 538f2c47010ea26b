package io.tabula.connectors.lookup;

import java.util.Map;
import java.util.Objects;

/**
 * How to reach one kind of database over JDBC: the driver class, a URL template with {@code
 * {host}}, {@code {port}} and {@code {database}}, and the driver properties that switch on TLS with
 * full verification. Only the built-in PostgreSQL dialect is accepted today: {@link TlsPolicy}
 * refuses every other one until its driver's TLS verification is tested as pgjdbc's is.
 *
 * <pre>{@code
 * DatabaseDialect postgres = DatabaseDialect.postgresql();
 * }</pre>
 *
 * @param tlsProperties driver properties for TLS; for PostgreSQL they are derived from {@link
 *     TlsSettings} and this map must be empty
 */
public record DatabaseDialect(
    String name, String driverClassName, String urlTemplate, Map<String, String> tlsProperties) {

  public static final String POSTGRESQL = "postgresql";

  public DatabaseDialect {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(driverClassName, "driverClassName");
    Objects.requireNonNull(urlTemplate, "urlTemplate");
    tlsProperties = Map.copyOf(tlsProperties);
  }

  /** PostgreSQL through pgjdbc, with {@code sslmode=verify-full} added by the connector. */
  public static DatabaseDialect postgresql() {
    return new DatabaseDialect(
        POSTGRESQL,
        "org.postgresql.Driver",
        "jdbc:postgresql://{host}:{port}/{database}",
        Map.of());
  }

  /** Exactly the built-in PostgreSQL dialect: the name alone could front another driver. */
  public boolean isPostgresql() {
    return equals(postgresql());
  }

  /** The JDBC URL for a host, port and database. */
  public String url(String host, int port, String database) {
    return urlTemplate
        .replace("{host}", host.contains(":") ? "[" + host + "]" : host)
        .replace("{port}", Integer.toString(port))
        .replace("{database}", database);
  }
}
