package io.tabula.flowstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.Credentials;
import io.tabula.connectors.lookup.VerifiedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the shared flow store lives: a PostgreSQL reached over TLS with the certificate and the
 * host name verified ({@link VerifiedPostgres}); there is no setting that turns that off. The
 * password is read from its file at every new connection (pooled ones too), so a rotated password
 * needs no restart.
 *
 * <pre>{@code
 * FlowStoreDatabase db = FlowStoreDatabase.parse(
 *     "postgresql://db.example:5432/tabula_flows", "tabula_flows", passwordFile, caPem);
 * }</pre>
 *
 * @param host the server's host name, as its certificate names it
 * @param port TCP port, usually 5432
 * @param database database name, e.g. {@code tabula_flows}
 * @param user login role
 * @param passwordFile file holding the role's password (one line)
 * @param caCertificate PEM file of the CA that issued the server's certificate
 */
public record FlowStoreDatabase(
    String host, int port, String database, String user, Path passwordFile, Path caCertificate) {

  private static final Pattern URL =
      Pattern.compile(
          "(?:jdbc:)?postgres(?:ql)?://([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?/([A-Za-z0-9_-]+)");

  /** How long a connection attempt may take before the store counts as unreachable. */
  static final int CONNECT_TIMEOUT_SECONDS = 5;

  /** How long one statement may wait for the server. */
  static final int SOCKET_TIMEOUT_SECONDS = 30;

  public FlowStoreDatabase {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(caCertificate, "caCertificate");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port; use 1 to 65535");
    }
  }

  /**
   * Settings from a URL {@code postgresql://host[:port]/database} (a {@code jdbc:} prefix is
   * allowed). Parameters are refused: TLS and everything else are Tabula's to set.
   *
   * @throws IllegalArgumentException when the URL has another shape
   */
  public static FlowStoreDatabase parse(
      String url, String user, Path passwordFile, Path caCertificate) {
    Matcher m = URL.matcher(url == null ? "" : url.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "the flow store URL '"
              + url
              + "' is not postgresql://host[:port]/database; write it so, without parameters (TLS"
              + " with verify-full is always on)");
    }
    int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
    return new FlowStoreDatabase(m.group(1), port, m.group(3), user, passwordFile, caCertificate);
  }

  /** {@code postgresql://host:port/database}, for log lines and /health (no user, no secret). */
  public String url() {
    return "postgresql://" + host + ":" + port + "/" + database;
  }

  /** A new dedicated connection (the LISTEN of {@link FlowStoreWatch}); the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:" + url(), properties());
  }

  /**
   * A pool of at most {@code options.size()} connections with these same properties, for the short
   * operations of {@link PostgresFlowStore}; the caller closes it. It opens no connection until the
   * first is asked for, and reads the password file for every new connection it opens. A LISTEN
   * connection must not come from it (a pooled connection goes back to others, still listening).
   */
  HikariDataSource pool(StorePool options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("tabula-flows");
    config.setJdbcUrl("jdbc:" + url());
    config.setDataSourceProperties(connectionProperties());
    config.setCredentialsProvider(() -> Credentials.of(user, passwordForPool()));
    config.setMaximumPoolSize(options.size());
    config.setMinimumIdle(0);
    long waitMillis = options.connectionTimeout().toMillis();
    config.setConnectionTimeout(waitMillis);
    // Checking a borrowed connection that sat idle must not outlast the wait for one.
    config.setValidationTimeout(Math.min(waitMillis, 1_000));
    // No connection at construction: open() reports an unreachable store itself, with its step.
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private Properties properties() throws SQLException {
    Properties properties = connectionProperties();
    properties.setProperty("user", user);
    properties.setProperty("password", password());
    return properties;
  }

  /** Verified TLS and the timeouts; no user and no password. */
  private Properties connectionProperties() {
    Properties properties = VerifiedPostgres.properties(caCertificate, "tabula-flows");
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    return properties;
  }

  /** The password, for HikariCP's credentials provider, which may not throw a checked exception. */
  private String passwordForPool() {
    try {
      return password();
    } catch (SQLException e) {
      // HikariCP counts the attempt as failed; the operation waiting for it gets a SQLException.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private String password() throws SQLException {
    try {
      String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new SQLException(
          "cannot read the flow store password file "
              + passwordFile
              + "; check the path and that this user may read it",
          "28000",
          e);
    }
  }

  @Override
  public String toString() {
    return "FlowStoreDatabase[" + user + "@" + url() + "]";
  }
}
