package io.tabula.journal.store;

import io.tabula.connectors.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The journal database inside an {@link EmbeddedPostgres} (the demo's, and the tests'): role
 * {@value #ROLE} with a new random password at every start, database {@value #DATABASE}, the
 * journal tables. The role reaches the server over verified TLS like any production client.
 */
public final class EmbeddedJournalDatabase {

  public static final String DATABASE = "tabula_journal";
  public static final String ROLE = "tabula_journal";

  private static final SecureRandom RANDOM = new SecureRandom();

  private EmbeddedJournalDatabase() {}

  /** Creates (or, on kept data, re-keys) the role, the database and the tables. */
  public static JournalDatabase install(EmbeddedPostgres postgres) throws JournalStoreException {
    String password = password();
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
        if (!exists) {
          statement.execute("create role " + ROLE + " login password '" + password + "'");
          statement.execute("create database " + DATABASE + " owner " + ROLE);
        } else {
          statement.execute("alter role " + ROLE + " password '" + password + "'");
        }
      }
    } catch (SQLException e) {
      throw PostgresJournal.failure("creating the journal database", e);
    }
    JournalDatabase database =
        new JournalDatabase(
            postgres.host(), postgres.port(), DATABASE, ROLE, password, postgres.caCertificate());
    PostgresJournal.migrate(database);
    return database;
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
