package io.tabula.journal.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The tenant admin's private key file: PKCS#8, encrypted with PBES2 (PBKDF2-HMAC-SHA256, 600,000
 * iterations, AES-256-CBC), as PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}). OpenSSL reads
 * it ({@code openssl pkey -in city.journal-key.pem}), and so will the console's WebCrypto import
 * once it lands. Written with mode 0600.
 */
public final class PrivateKeyFile {

  /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  static final int ITERATIONS = 600_000;

  private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

  private PrivateKeyFile() {}

  /** Writes the key, encrypted under {@code password}, to a new file (never over an old one). */
  public static void write(Path file, JournalPrivateKey key, char[] password) {
    try {
      // RFC 8410's version-1 form (no embedded public key): OpenSSL 3.0 refuses the version-2 form
      // Bouncy Castle's factory writes for X25519, and WebCrypto's importKey("pkcs8") takes it.
      PrivateKeyInfo info =
          new PrivateKeyInfo(
              new AlgorithmIdentifier(EdECObjectIdentifiers.id_X25519),
              new DEROctetString(key.parameters().getEncoded()));
      OutputEncryptor encryptor =
          new JceOpenSSLPKCS8EncryptorBuilder(org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
              .setPRF(org.bouncycastle.openssl.PKCS8Generator.PRF_HMACSHA256)
              .setIterationCount(ITERATIONS)
              .setProvider(PROVIDER)
              .setPassword(password)
              .build();
      StringWriter text = new StringWriter();
      try (PemWriter pem = new PemWriter(text)) {
        pem.writeObject(new org.bouncycastle.openssl.PKCS8Generator(info, encryptor).generate());
      }
      Files.writeString(
          file,
          text.toString(),
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not write the private key file " + file + "; choose a folder you can write", e);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(
          "this JVM cannot encrypt the key file (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** Reads and decrypts a key file; a wrong password is a typed error, never a stack trace. */
  public static JournalPrivateKey read(Path file, char[] password) throws JournalKeyFileException {
    Object object;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      object = parser.readObject();
    } catch (IOException e) {
      throw new JournalKeyFileException(
          "cannot read the private key file " + file + "; check the path and its permissions");
    }
    if (!(object instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
      throw new JournalKeyFileException(
          file
              + " is not an encrypted private key file; use the .pem file that"
              + " 'tabula journal keygen' wrote");
    }
    try {
      PrivateKeyInfo info =
          encrypted.decryptPrivateKeyInfo(
              new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(PROVIDER).build(password));
      AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
      if (!(key instanceof X25519PrivateKeyParameters x25519)) {
        throw new JournalKeyFileException(
            file + " holds a key that is not X25519; use the file keygen wrote");
      }
      return new JournalPrivateKey(x25519);
    } catch (PKCSException | OperatorCreationException | IOException e) {
      throw new JournalKeyFileException(
          "the password does not open " + file + "; try again with the key file's password");
    }
  }
}
