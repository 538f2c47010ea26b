package io.tabula.engine.demo;

import io.tabula.connectors.embedded.DemoDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the demo's two tenant files, in the same format an operator writes for {@code tabula
 * serve} (docs/tenants.md), pointing at the embedded PostgreSQL and the gateway simulator: the demo
 * then opens its connectors through the production loader, so it proves that path.
 *
 * <pre>{@code
 * Path tenants = DemoTenantFiles.write(workDir.resolve("tenants"), database, simulator.endpoint(),
 *     workDir.resolve("simulator.key"), workDir.resolve("simulator-ca.pem"));
 * }</pre>
 */
public final class DemoTenantFiles {

  private DemoTenantFiles() {}

  /**
   * Writes {@code city.yaml}, {@code utility.yaml} and the database password file (owner-only) into
   * {@code dir}.
   *
   * @return {@code dir}
   */
  public static Path write(
      Path dir, DemoDatabase database, URI gateway, Path apiKeyFile, Path gatewayCa) {
    try {
      Files.createDirectories(dir);
      Path password = dir.resolve("secrets").resolve("db-password");
      Files.createDirectories(password.getParent());
      Files.deleteIfExists(password);
      Files.createFile(
          password,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(password, database.readerPassword() + "\n");
      Files.writeString(
          dir.resolve("city.yaml"),
          city(database) + payment("city-pay", gateway, apiKeyFile, gatewayCa));
      Files.writeString(
          dir.resolve("utility.yaml"),
          utility(database) + payment("utility-pay", gateway, apiKeyFile, gatewayCa));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the demo tenant files into " + dir, e);
    }
  }

  private static String city(DemoDatabase database) {
    return "tenant: city\n"
        + database(database, "city-parking")
        + """
            ticket:
              sql: select amount_due, currency, due_date from parking_tickets where ticket_number = :ticket
              secretParameters: [ticket]
              columns:
                balance: {money: amount_due, currencyColumn: currency}
                due_date: {date: due_date}
        """;
  }

  private static String utility(DemoDatabase database) {
    return "tenant: utility\n"
        + database(database, "utility-billing")
        + """
            account:
              sql: >-
                select balance, currency, due_date from utility_accounts
                where account_number = :account and zip_code = :zip
              secretParameters: [account, zip]
              columns:
                balance: {money: balance, currencyColumn: currency}
                due_date: {date: due_date}
        """;
  }

  private static String database(DemoDatabase database, String connector) {
    return "database:\n"
        + "  connector: "
        + connector
        + "\n  host: "
        + database.postgres().host()
        + "\n  port: "
        + database.postgres().port()
        + "\n  database: "
        + DemoDatabase.DATABASE
        + "\n  user: "
        + DemoDatabase.READER
        + "\n  passwordFile: secrets/db-password\n"
        + "  tls:\n    caCertificate: "
        + database.postgres().caCertificate().toAbsolutePath()
        // A generous connect limit: the demo runs on laptops and busy shared CI machines, where a
        // first TLS login can take seconds; lookups keep the default statement limit.
        + "\n  limits: {connect: 10s, acquire: 5s}"
        + "\n  lookups:\n";
  }

  private static String payment(String connector, URI gateway, Path apiKeyFile, Path gatewayCa) {
    return "payment:\n  connector: "
        + connector
        + "\n  gateway: stripe\n  endpoint: "
        + gateway
        + "\n  apiKey: file:"
        + apiKeyFile.toAbsolutePath()
        + "\n  trustedCa: "
        + gatewayCa.toAbsolutePath()
        + "\n";
  }
}
