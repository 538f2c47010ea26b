package io.tabula.ops.access.cli;

import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessDatabaseSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the access database is, for every command that reads or changes accounts or the trail. Each
 * option also reads an environment variable, so an operator sets them once.
 */
public final class AccessDatabaseOptions {

  @Option(
      names = "--db-host",
      defaultValue = "${env:TABULA_ACCESS_DB_HOST}",
      description =
          "Access database host, as its certificate names it (env TABULA_ACCESS_DB_HOST).")
  String host;

  @Option(
      names = "--db-port",
      defaultValue = "${env:TABULA_ACCESS_DB_PORT:-5432}",
      description = "Port (env TABULA_ACCESS_DB_PORT, default 5432).")
  int port;

  @Option(
      names = "--db-name",
      defaultValue = "${env:TABULA_ACCESS_DB_NAME:-tabula_access}",
      description = "Database (env TABULA_ACCESS_DB_NAME, default tabula_access).")
  String database;

  @Option(
      names = "--db-user",
      defaultValue = "${env:TABULA_ACCESS_DB_USER:-tabula_access}",
      description = "Login role (env TABULA_ACCESS_DB_USER, default tabula_access).")
  String user;

  @Option(
      names = "--db-password-file",
      defaultValue = "${env:TABULA_ACCESS_DB_PASSWORD_FILE}",
      description = "File holding the role's password (env TABULA_ACCESS_DB_PASSWORD_FILE).")
  Path passwordFile;

  @Option(
      names = "--db-ca",
      defaultValue = "${env:TABULA_ACCESS_DB_CA}",
      description =
          "PEM of the CA that issued the server's certificate; TLS is always verify-full"
              + " (env TABULA_ACCESS_DB_CA).")
  Path caCertificate;

  /** True when an access database was named (else a caller may use an embedded one). */
  public boolean given() {
    return host != null && !host.isBlank();
  }

  public AccessDatabaseSettings settings() {
    need(host, "--db-host", "TABULA_ACCESS_DB_HOST");
    need(passwordFile, "--db-password-file", "TABULA_ACCESS_DB_PASSWORD_FILE");
    need(caCertificate, "--db-ca", "TABULA_ACCESS_DB_CA");
    return new AccessDatabaseSettings(host, port, database, user, passwordFile, caCertificate);
  }

  private static void need(Object value, String option, String variable) {
    if (value == null) {
      throw new IllegalArgumentException(
          "the access database needs " + option + "; give it or set " + variable);
    }
  }

  public AccessDatabase open() {
    return AccessDatabase.open(settings());
  }
}
