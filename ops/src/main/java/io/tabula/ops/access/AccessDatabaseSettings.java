package io.tabula.ops.access;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the accounts and the audit trail live: a PostgreSQL reached over TLS with the certificate
 * and the host name verified ({@code verify-full}); there is no setting to turn that off.
 *
 * @param host the server's host name, as its certificate names it
 * @param port TCP port, usually 5432
 * @param database database name, e.g. {@code tabula_access}
 * @param user login role; it owns the access tables
 * @param passwordFile file holding the role's password (one line)
 * @param caCertificate PEM file of the CA that issued the server's certificate
 */
public record AccessDatabaseSettings(
    String host, int port, String database, String user, Path passwordFile, Path caCertificate) {

  public AccessDatabaseSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(caCertificate, "caCertificate");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is not a TCP port; use 1 to 65535");
    }
  }

  public String url() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
