package io.tabula.connectors.embedded;

import io.tabula.connectors.lookup.TenantDatabaseConfig;
import io.tabula.connectors.lookup.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo schema and seed data installed into an {@link EmbeddedPostgres}: database {@value
 * #DATABASE}, owned by the superuser, readable by the lookup role {@value #READER} (password login
 * over TLS) and the certificate role {@link EmbeddedPostgres#CERTIFICATE_ROLE}.
 *
 * <pre>{@code
 * DemoDatabase demo = DemoDatabase.install(postgres);
 * try (JdbcBalanceLookup lookups = JdbcBalanceLookup.open(List.of(demo.tenantConfig("demo")), registry)) {
 *   ...
 * }
 * }</pre>
 */
public final class DemoDatabase {

  public static final String DATABASE = "tabula_demo";
  public static final String READER = "tabula_reader";

  private final EmbeddedPostgres postgres;
  private final String readerPassword;

  private DemoDatabase(EmbeddedPostgres postgres, String readerPassword) {
    this.postgres = postgres;
    this.readerPassword = readerPassword;
  }

  /** Creates the roles, the database, the tables and the seed rows. */
  public static DemoDatabase install(EmbeddedPostgres postgres) {
    String password = EmbeddedPostgres.randomPassword();
    try (Connection admin = postgres.connectAsSuperuser("postgres")) {
      createRolesAndDatabase(admin, password);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the demo roles and database", e);
    }
    try (Connection admin = postgres.connectAsSuperuser(DATABASE)) {
      loadSchemaAndSeed(admin);
    } catch (SQLException e) {
      throw new IllegalStateException("could not install the demo schema and seed data", e);
    }
    return new DemoDatabase(postgres, password);
  }

  /**
   * Creates the reader role (with this password), the certificate role and the demo database,
   * through a superuser connection to any database of the server. Also used for servers Tabula did
   * not start (a Testcontainers PostgreSQL).
   */
  public static void createRolesAndDatabase(Connection admin, String readerPassword)
      throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute("create role " + READER + " login password '" + readerPassword + "'");
      statement.execute("create role " + EmbeddedPostgres.CERTIFICATE_ROLE + " login");
      statement.execute("create database " + DATABASE);
    }
  }

  /** Loads the demo tables and rows through a superuser connection to {@value #DATABASE}. */
  public static void loadSchemaAndSeed(Connection admin) throws SQLException {
    try (Statement statement = admin.createStatement()) {
      statement.execute(resource("demo-schema.sql"));
      statement.execute(resource("demo-seed.sql"));
      statement.execute(
          "grant select on all tables in schema public to "
              + READER
              + ", "
              + EmbeddedPostgres.CERTIFICATE_ROLE);
    }
  }

  /** A tenant configuration for the demo lookups, logging in as the reader over verified TLS. */
  public TenantDatabaseConfig tenantConfig(String tenant) {
    return TenantDatabaseConfig.postgresql(
            tenant,
            postgres.host(),
            postgres.port(),
            DATABASE,
            READER,
            readerPassword,
            TlsSettings.verifyServer(postgres.caCertificate()))
        .withLookups(DemoLookups.all());
  }

  /** The same, logging in with the client certificate (mutual TLS) instead of a password. */
  public TenantDatabaseConfig certificateTenantConfig(String tenant) {
    return tenantConfig(tenant)
        .withUser(EmbeddedPostgres.CERTIFICATE_ROLE, "")
        .withTls(
            TlsSettings.verifyServer(postgres.caCertificate())
                .withClientKeyStore(postgres.clientKeyStore(), postgres.clientKeyStorePassword()));
  }

  public String readerPassword() {
    return readerPassword;
  }

  public EmbeddedPostgres postgres() {
    return postgres;
  }

  static String resource(String name) {
    try (InputStream in = DemoDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the payment-connectors jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + name, e);
    }
  }
}
