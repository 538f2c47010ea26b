package io.tabula.ops.access.oidc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS used towards the identity provider: certificates checked against the given CA (or the
 * JDK's trust store), host names checked by the HTTPS client (Nimbus uses HttpsURLConnection with
 * its default verifier). JDK 25 already refuses TLS 1.0 and 1.1. No trust-all anywhere.
 */
final class OidcTls {

  private OidcTls() {}

  static SSLSocketFactory socketFactory(Optional<Path> trustedCa) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
      trust.init(trustedCa.isPresent() ? trustStore(trustedCa.get()) : null);
      context.init(null, trust.getTrustManagers(), new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException(
          "cannot use the OIDC provider's CA file "
              + trustedCa.map(Path::toString).orElse("(JDK trust store)")
              + "; give a PEM file of the CA certificate(s)",
          e);
    }
  }

  private static KeyStore trustStore(Path pem) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int index = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("oidc-ca-" + index++, c);
      }
    }
    return store;
  }
}
