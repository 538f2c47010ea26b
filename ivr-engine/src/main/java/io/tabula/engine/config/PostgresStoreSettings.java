package io.tabula.engine.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the shared flow store is when {@code flows.store: postgres} (docs/scaling.md): a PostgreSQL
 * reached over TLS with the certificate and the host name verified, always.
 *
 * @param url {@code postgresql://host[:port]/database} ({@code flows.postgres.url})
 * @param user the login role ({@code flows.postgres.user})
 * @param passwordFile file holding the role's password ({@code flows.postgres.passwordFile})
 * @param caCertificate PEM file of the CA that issued the server's certificate ({@code
 *     flows.postgres.caCertificate})
 * @param listen whether the engine LISTENs for publishes ({@code flows.postgres.listen}, default
 *     true); false relies on the check every {@code flows.pollInterval} alone, for a pooler that
 *     does not carry LISTEN
 */
public record PostgresStoreSettings(
    String url, String user, String passwordFile, String caCertificate, boolean listen) {

  public PostgresStoreSettings {
    url = url == null ? "" : url.trim();
    user = user == null ? "" : user.trim();
    passwordFile = passwordFile == null ? "" : passwordFile.trim();
    caCertificate = caCertificate == null ? "" : caCertificate.trim();
  }

  /** Nothing set: the directory store or the shipped flows serve. */
  public static PostgresStoreSettings none() {
    return new PostgresStoreSettings("", "", "", "", true);
  }

  /**
   * Checks that everything a connection needs is set.
   *
   * @throws ConfigException naming every setting that is missing
   */
  void requireComplete() {
    List<String> missing = new ArrayList<>();
    if (url.isEmpty()) {
      missing.add("flows.postgres.url");
    }
    if (user.isEmpty()) {
      missing.add("flows.postgres.user");
    }
    if (passwordFile.isEmpty()) {
      missing.add("flows.postgres.passwordFile");
    }
    if (caCertificate.isEmpty()) {
      missing.add("flows.postgres.caCertificate");
    }
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "flows.store is postgres but "
              + String.join(", ", missing)
              + " is not set; set it (docs/engine.md, the flow store)");
    }
  }
}
