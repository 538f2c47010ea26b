package io.tabula.engine.tenant.config;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * A tenants folder for loader tests: the city file of the documented format, and the CA, password
 * and API key files it points at (relative paths, read from the folder).
 */
final class TenantFolder {

  static final String DB_PASSWORD = "pw-Very-Secret-1";

  static final String CITY =
      """
      tenant: city
      database:
        connector: city-parking
        host: db.city.example
        database: parking
        user: tabula_reader
        passwordFile: secrets/db-password
        tls:
          caCertificate: certs/db-ca.pem
        limits: {connect: 3s, acquire: 1s, statement: 2s, maxPoolSize: 10, minIdle: 2}
        lookups:
          ticket:
            sql: select amount_due, currency, due_date from parking_tickets where ticket_number = :ticket
            secretParameters: [ticket]
            columns:
              balance: {money: amount_due, currencyColumn: currency}
              due_date: {date: due_date}
      payment:
        connector: city-pay
        gateway: stripe
        endpoint: https://api.stripe.com
        apiKey: file:secrets/stripe-key
        acceptedBrands: [visa, mastercard, amex, discover]
        connectTimeout: 5s
        responseTimeout: 30s
      """;

  /** One CA for all loader tests: the loader checks that CA files hold certificates. */
  static final DevCertificateAuthority CA = DevCertificateAuthority.create("Tenant loader test CA");

  final Path dir;

  TenantFolder(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir.resolve("certs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CA.writeCertificatePem(dir.resolve("certs").resolve("db-ca.pem"));
    write("secrets/db-password", DB_PASSWORD + "\n");
    write("secrets/stripe-key", "sk_test_loader\n");
  }

  Path write(String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PKCS#12 client key store protected by {@code password}. */
  Path clientKeyStore(String name, String password) {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      CA.issue(CertificateRequest.client("tabula_mtls"))
          .keyStore(password.toCharArray())
          .store(out, password.toCharArray());
      return file;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The city file with {@code from} replaced by {@code to} (which must occur). */
  Path city(String from, String to) {
    if (!CITY.contains(from)) {
      throw new IllegalArgumentException("the city file has no '" + from + "'");
    }
    return write("city.yaml", CITY.replace(from, to));
  }

  Path city() {
    return write("city.yaml", CITY);
  }

  /**
   * {@code file:line:col} of the first occurrence of {@code token} in the file, as the loader must
   * report it.
   */
  static String at(Path file, String token) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        int column = lines.get(i).indexOf(token);
        if (column >= 0) {
          return file + ":" + (i + 1) + ":" + (column + 1) + ": error: ";
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(token + " is not in " + file);
  }
}
