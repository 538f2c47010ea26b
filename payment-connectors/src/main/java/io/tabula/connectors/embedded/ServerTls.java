package io.tabula.connectors.embedded;

import io.tabula.connectors.tls.CertificateRequest;
import io.tabula.connectors.tls.DevCertificateAuthority;
import io.tabula.connectors.tls.IssuedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

/**
 * The TLS material of an embedded server, made fresh at each start: a CA, a server certificate for
 * {@code localhost} and {@code 127.0.0.1}, and a client certificate for mutual TLS whose common
 * name is the role that logs in with it.
 *
 * @param serverDirectory folder with server.crt, server.key and root.crt, owned by the server user
 * @param caCertificate the CA as PEM, for clients' {@code sslrootcert}
 * @param clientKeyStore PKCS#12 file with the client key and chain
 * @param clientKeyStorePassword its password
 */
record ServerTls(
    DevCertificateAuthority authority,
    Path serverDirectory,
    Path caCertificate,
    Path clientKeyStore,
    String clientKeyStorePassword) {

  static ServerTls create(Path base, String clientRole, String keyStorePassword) {
    DevCertificateAuthority authority =
        DevCertificateAuthority.create("Tabula embedded PostgreSQL CA");
    try {
      Path serverDirectory = Files.createDirectories(base.resolve("tls"));
      IssuedCertificate server =
          authority.issue(CertificateRequest.server("localhost", "127.0.0.1"));
      server.writePem(serverDirectory.resolve("server.crt"), serverDirectory.resolve("server.key"));
      // PostgreSQL refuses a key file that others can read.
      Files.setPosixFilePermissions(
          serverDirectory.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
      authority.writeCertificatePem(serverDirectory.resolve("root.crt"));

      Path caCertificate = base.resolve("client-ca.pem");
      authority.writeCertificatePem(caCertificate);
      Path keyStore = base.resolve("client.p12");
      IssuedCertificate client = authority.issue(CertificateRequest.client(clientRole));
      char[] password = keyStorePassword.toCharArray();
      try (OutputStream out = Files.newOutputStream(keyStore)) {
        client.keyStore(password).store(out, password);
      }
      Files.setPosixFilePermissions(keyStore, PosixFilePermissions.fromString("rw-------"));
      return new ServerTls(authority, serverDirectory, caCertificate, keyStore, keyStorePassword);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the embedded server's TLS files", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not write the client key store", e);
    }
  }
}
