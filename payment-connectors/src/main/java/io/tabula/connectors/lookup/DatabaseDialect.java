package io.tabula.connectors.lookup;

import java.util.Map;
import java.util.Objects;

/**
 * How to reach one kind of database over JDBC: the driver class, a URL template with {@code
 * {host}}, {@code {port}} and {@code {database}}, and the driver properties that switch on TLS with
 * full verification. PostgreSQL is built in; others (MySQL, SQL Server, Oracle) come from
 * configuration, and {@link TlsPolicy} refuses any property that would weaken verification.
 *
 * <pre>{@code
 * DatabaseDialect mysql = new DatabaseDialect("mysql", "com.mysql.cj.jdbc.Driver",
 *     "jdbc:mysql://{host}:{port}/{database}",
 *     Map.of("sslMode", "VERIFY_IDENTITY", "trustCertificateKeyStoreUrl", "file:/etc/tabula/ca.p12"));
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

  public boolean isPostgresql() {
    return POSTGRESQL.equals(name);
  }

  /** The JDBC URL for a host, port and database. */
  public String url(String host, int port, String database) {
    return urlTemplate
        .replace("{host}", host.contains(":") ? "[" + host + "]" : host)
        .replace("{port}", Integer.toString(port))
        .replace("{database}", database);
  }
}
