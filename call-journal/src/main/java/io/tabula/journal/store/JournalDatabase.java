package io.tabula.journal.store;

import io.tabula.connectors.lookup.VerifiedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the journal lives: a PostgreSQL database reached over TLS with certificate and host-name
 * verification ({@code sslmode=verify-full} against {@code caCertificate}, TLS 1.2+ only through
 * {@link VerifiedPostgres}); there is no setting that turns verification off. {@code toString()}
 * hides the password.
 */
public record JournalDatabase(
    String host, int port, String database, String user, String password, Path caCertificate) {

  public JournalDatabase {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(caCertificate, "caCertificate");
  }

  public Connection connect() throws SQLException {
    Properties properties = VerifiedPostgres.properties(caCertificate, "tabula-journal");
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "5");
    properties.setProperty("socketTimeout", "30");
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
  }

  @Override
  public String toString() {
    return "JournalDatabase[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
