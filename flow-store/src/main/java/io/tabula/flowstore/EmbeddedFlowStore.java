package io.tabula.flowstore;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The flow store inside an {@link EmbeddedPostgres}, for tests and the demo: role and database
 * {@value #DATABASE}, a new random password at every install (in a 0600 file inside {@code
 * folder}), reached over verified TLS like a production store. Start an engine on it with the
 * settings {@code flows.store: postgres}, {@code flows.postgres.url: }{@link
 * FlowStoreDatabase#url()} and the user, password file and CA of the returned database.
 *
 * <pre>{@code
 * try (EmbeddedPostgres postgres = EmbeddedPostgres.start(EmbeddedPostgresOptions.defaults())) {
 *   FlowStoreDatabase store = EmbeddedFlowStore.install(postgres, tempDir);
 * }
 * }</pre>
 */
public final class EmbeddedFlowStore {

  public static final String DATABASE = "tabula_flows";
  public static final String ROLE = "tabula_flows";

  private static final SecureRandom RANDOM = new SecureRandom();

  private EmbeddedFlowStore() {}

  /** Creates (or re-keys) the role and the database; the schema comes at the first open. */
  public static FlowStoreDatabase install(EmbeddedPostgres postgres, Path folder)
      throws IOException {
    String password = password();
    Path passwordFile = folder.resolve("flow-store.password");
    Files.createDirectories(folder);
    Files.deleteIfExists(passwordFile);
    Files.createFile(
        passwordFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(passwordFile, password + "\n");
    try (Connection admin = postgres.connectAsSuperuser("postgres")) {
      boolean exists;
      try (PreparedStatement select =
          admin.prepareStatement("select 1 from pg_database where datname = ?")) {
        select.setString(1, DATABASE);
        try (ResultSet rows = select.executeQuery()) {
          exists = rows.next();
        }
      }
      try (Statement statement = admin.createStatement()) {
        if (exists) {
          statement.execute("alter role " + ROLE + " password '" + password + "'");
        } else {
          statement.execute("create role " + ROLE + " login password '" + password + "'");
          statement.execute("create database " + DATABASE + " owner " + ROLE);
        }
      }
    } catch (SQLException e) {
      throw new IOException(
          "could not create the flow store database in the embedded PostgreSQL (SQL state "
              + e.getSQLState()
              + "); is it running?",
          e);
    }
    return new FlowStoreDatabase(
        postgres.host(), postgres.port(), DATABASE, ROLE, passwordFile, postgres.caCertificate());
  }

  private static String password() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder password = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
