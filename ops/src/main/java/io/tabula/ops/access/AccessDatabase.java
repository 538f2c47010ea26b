package io.tabula.ops.access;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tabula.connectors.lookup.VerifiedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL database of accounts, roles, sessions and the audit trail: a pool over verified
 * TLS, and its schema brought up to date by Flyway at open.
 *
 * <pre>{@code
 * try (AccessDatabase db = AccessDatabase.open(settings)) {
 *   Accounts accounts = new Accounts(db.dataSource(), clock);
 * }
 * }</pre>
 */
public final class AccessDatabase implements AutoCloseable {

  /** Where the versioned migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:io/tabula/ops/access/db";

  private final DataSource dataSource;
  private final Runnable closer;

  private AccessDatabase(DataSource dataSource, Runnable closer) {
    this.dataSource = dataSource;
    this.closer = closer;
  }

  /** Opens a pool to the configured server ({@code sslmode=verify-full}) and migrates. */
  public static AccessDatabase open(AccessDatabaseSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(readPassword(settings));
    config.setDataSourceProperties(tlsProperties(settings));
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setPoolName("tabula-access");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new AccessDatabase(pool, pool::close);
  }

  /** Uses a data source the caller owns (and closes), after migrating it. */
  public static AccessDatabase using(DataSource dataSource) {
    migrate(dataSource);
    return new AccessDatabase(dataSource, () -> {});
  }

  static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .table("access_schema_history")
        .load()
        .migrate();
  }

  static Properties tlsProperties(AccessDatabaseSettings settings) {
    return VerifiedPostgres.properties(settings.caCertificate(), "tabula-access");
  }

  private static String readPassword(AccessDatabaseSettings settings) {
    try {
      String text = Files.readString(settings.passwordFile(), StandardCharsets.UTF_8);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the access database password file "
              + settings.passwordFile()
              + "; check the path and that this user may read it",
          e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() {
    closer.run();
  }
}
