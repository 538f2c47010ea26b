package io.tabula.connectors.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemGenerationException;

/** A certificate issued by a {@link DevCertificateAuthority}, with its private key. */
public record IssuedCertificate(
    PrivateKey privateKey, X509Certificate certificate, X509Certificate issuer) {

  /** A PKCS#12 key store with the key and its chain under the alias {@code tabula}. */
  public KeyStore keyStore(char[] password) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("tabula", privateKey, password, new Certificate[] {certificate, issuer});
      return store;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not build a key store: " + e.getMessage(), e);
    }
  }

  /** A server context presenting this certificate (TLS 1.2 and 1.3 are left to the caller). */
  public SSLContext serverContext() {
    try {
      char[] password = new char[0];
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore(password), password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build a TLS server context: " + e.getMessage(), e);
    }
  }

  /** Writes the certificate and its PKCS#8 private key as PEM files. */
  public void writePem(Path certificateFile, Path privateKeyFile) {
    DevCertificateAuthority.writePem(certificateFile, certificate);
    try {
      DevCertificateAuthority.writePem(
          privateKeyFile, new JcaPKCS8Generator(privateKey, null).generate());
    } catch (PemGenerationException e) {
      throw new IllegalStateException("could not encode the private key: " + e.getMessage(), e);
    }
  }
}
