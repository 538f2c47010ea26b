package io.tabula.engine.residue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two tenant files the shipped flows need ({@code city} for the parking flow, {@code utility}
 * for the bill flows, since {@code serve} publishes every shipped flow and refuses one whose
 * connectors are missing), in the format {@code serve} reads from {@code tenants.dir}: the
 * customer's database over verified TLS with its lookups, and the payment gateway over verified
 * TLS. Secrets are referenced by file, never written into the tenant file.
 *
 * <pre>{@code
 * Path dir = new TenantFileWriter(host, port, "tabula_demo", "tabula_reader", passwordFile, dbCa,
 *     gatewayEndpoint, apiKeyFile, gatewayCa).writeTo(tenantsDir);
 * }</pre>
 */
record TenantFileWriter(
    String databaseHost,
    int databasePort,
    String database,
    String user,
    Path passwordFile,
    Path databaseCa,
    URI gateway,
    Path apiKeyFile,
    Path gatewayCa) {

  Path writeTo(Path dir) throws IOException {
    Files.writeString(dir.resolve("city.yaml"), city());
    Files.writeString(dir.resolve("utility.yaml"), utility());
    return dir;
  }

  String city() {
    return "tenant: city\n"
        + database("city-parking")
        + """
            lookups:
              ticket:
                sql: "select amount_due, currency, due_date from parking_tickets where ticket_number = :ticket"
                secretParameters: [ticket]
                columns:
                  balance: {money: amount_due, currencyColumn: currency}
                  due_date: {date: due_date}
          """
        + payment("city-pay");
  }

  String utility() {
    return "tenant: utility\n"
        + database("utility-billing")
        + """
            lookups:
              account:
                sql: "select balance, currency, due_date from utility_accounts where account_number = :account and zip_code = :zip"
                secretParameters: [account, zip]
                columns:
                  balance: {money: balance, currencyColumn: currency}
                  due_date: {date: due_date}
          """
        + payment("utility-pay");
  }

  private String database(String connector) {
    return """
        database:
          connector: %s
          host: %s
          port: %d
          database: %s
          user: %s
          passwordFile: %s
          tls:
            caCertificate: %s
        """
        .formatted(connector, databaseHost, databasePort, database, user, passwordFile, databaseCa);
  }

  private String payment(String connector) {
    return """
        payment:
          connector: %s
          gateway: stripe
          endpoint: %s
          apiKey: file:%s
          trustedCa: %s
        """
        .formatted(connector, gateway, apiKeyFile, gatewayCa);
  }
}
