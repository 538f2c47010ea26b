package io.tabula.connectors.lookup;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS material of one tenant database. There is deliberately no switch to turn verification
 * off: the server's certificate is always checked against {@code caCertificate} and its host name.
 *
 * @param caCertificate PEM file with the CA certificate(s) that issued the database's certificate
 * @param clientKeyStore optional PKCS#12 file with a client key and certificate, for mutual TLS
 * @param clientKeyStorePassword password of that file (empty when none)
 */
public record TlsSettings(
    Path caCertificate, Optional<Path> clientKeyStore, String clientKeyStorePassword) {

  public TlsSettings {
    Objects.requireNonNull(caCertificate, "caCertificate");
    Objects.requireNonNull(clientKeyStore, "clientKeyStore");
    Objects.requireNonNull(clientKeyStorePassword, "clientKeyStorePassword");
  }

  /** Server verification only. */
  public static TlsSettings verifyServer(Path caCertificate) {
    return new TlsSettings(caCertificate, Optional.empty(), "");
  }

  /** Server verification plus a client certificate (mutual TLS). */
  public TlsSettings withClientKeyStore(Path pkcs12, String password) {
    return new TlsSettings(caCertificate, Optional.of(pkcs12), password);
  }

  @Override
  public String toString() {
    return "TlsSettings[ca=" + caCertificate + ", client=" + clientKeyStore + "]";
  }
}
