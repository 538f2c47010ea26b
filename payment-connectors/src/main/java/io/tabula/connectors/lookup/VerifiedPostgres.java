package io.tabula.connectors.lookup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/**
 * The pgjdbc connection properties of every Tabula-owned PostgreSQL (the access trail, the call
 * journal, the flow store): TLS with certificate and host-name verification ({@code verify-full}
 * against {@code caCertificate}, TLS 1.2+ through {@link VerifiedTlsSocketFactory}), no GSSAPI
 * encryption in its place, and no server detail (which may quote a row) in error messages. There is
 * deliberately no way to ask for less.
 *
 * <pre>{@code
 * Properties properties = VerifiedPostgres.properties(caPem, "tabula-flows");
 * properties.setProperty("user", user);
 * }</pre>
 */
public final class VerifiedPostgres {

  private VerifiedPostgres() {}

  /** The properties above, with {@code ApplicationName} set so the server's views name the user. */
  public static Properties properties(Path caCertificate, String applicationName) {
    Objects.requireNonNull(caCertificate, "caCertificate");
    Properties properties = new Properties();
    properties.setProperty("sslmode", "verify-full");
    properties.setProperty("sslfactory", VerifiedTlsSocketFactory.class.getName());
    properties.setProperty("sslrootcert", caCertificate.toString());
    properties.setProperty("gssEncMode", "disable");
    properties.setProperty("logServerErrorDetail", "false");
    properties.setProperty("ApplicationName", applicationName);
    return properties;
  }
}
