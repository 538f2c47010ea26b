package io.tabula.ops.access;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import io.tabula.connectors.embedded.EmbeddedPostgresOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL 17 (TLS on) for the access tests of this JVM; each {@link #fresh()} is a
 * new empty database owned by a login role, reached like production: verify-full TLS.
 */
public final class AccessTestDatabase {

  private static final String ROLE = "tabula_access";
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static Path passwordFile;

  private AccessTestDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults());
      byte[] random = new byte[16];
      new java.security.SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      try (Connection admin = postgres.connectAsSuperuser("postgres");
          Statement s = admin.createStatement()) {
        s.execute("create role " + ROLE + " login password '" + password + "'");
        passwordFile = Files.createTempFile("tabula-access-db-", ".password");
        Files.writeString(passwordFile, password + "\n");
      } catch (SQLException e) {
        throw new IllegalStateException("could not create the access role", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  /** Settings of a new empty database. */
  public static AccessDatabaseSettings fresh() {
    EmbeddedPostgres server = server();
    String name = "access_" + NEXT.incrementAndGet() + "_" + ProcessHandle.current().pid();
    try (Connection admin = server.connectAsSuperuser("postgres");
        Statement s = admin.createStatement()) {
      s.execute("create database " + name + " owner " + ROLE);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return new AccessDatabaseSettings(
        "localhost", server.port(), name, ROLE, passwordFile, server.caCertificate());
  }

  /** A superuser connection to {@code database}, for tampering tests. */
  public static Connection superuser(String database) throws SQLException {
    return server().connectAsSuperuser(database);
  }
}
