package io.tabula.connectors.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the PEM files that {@code tabula certs} (or any CA) writes back into a server identity: a
 * certificate, its unencrypted private key (PKCS#8 {@code PRIVATE KEY} or OpenSSL's {@code EC/RSA
 * PRIVATE KEY}) and the certificate of the CA that issued it.
 *
 * <pre>{@code
 * IssuedCertificate server = PemFiles.readIssued(
 *     Path.of("certs/simulator.crt"), Path.of("certs/simulator.key"), Path.of("certs/ca.crt"));
 * SSLContext context = server.serverContext();
 * }</pre>
 *
 * Errors name the file and what it should contain, never the file's bytes.
 */
public final class PemFiles {

  private PemFiles() {}

  /** The certificate, key and issuer from three PEM files. */
  public static IssuedCertificate readIssued(Path certificate, Path privateKey, Path issuer) {
    X509Certificate leaf = readCertificate(certificate);
    PrivateKey key = readPrivateKey(privateKey);
    return new IssuedCertificate(key, leaf, readCertificate(issuer));
  }

  /** The first certificate in a PEM file. */
  public static X509Certificate readCertificate(Path file) {
    Object object = firstObject(file, "a PEM certificate (BEGIN CERTIFICATE)");
    if (!(object instanceof X509CertificateHolder holder)) {
      throw new PemFileException(file, "a PEM certificate (BEGIN CERTIFICATE)");
    }
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (CertificateException e) {
      throw new PemFileException(file, "a readable X.509 certificate", e);
    }
  }

  /** The unencrypted private key in a PEM file. */
  public static PrivateKey readPrivateKey(Path file) {
    String expected = "an unencrypted PEM private key (BEGIN PRIVATE KEY)";
    Object object = firstObject(file, expected);
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      return switch (object) {
        case PrivateKeyInfo info -> converter.getPrivateKey(info);
        case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
        default -> throw new PemFileException(file, expected);
      };
    } catch (PEMException e) {
      throw new PemFileException(file, expected, e);
    }
  }

  private static Object firstObject(Path file, String expected) {
    try (Reader reader = Files.newBufferedReader(file);
        PEMParser parser = new PEMParser(reader)) {
      Object object = parser.readObject();
      if (object == null) {
        throw new PemFileException(file, expected);
      }
      return object;
    } catch (IOException e) {
      throw new PemFileException(file, expected, e);
    }
  }
}
