package io.tabula.ops.access.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The Ed25519 key pair that signs the trail's chain heads, as PEM files: the private key (PKCS#8,
 * readable by its owner only) where the console runs, the public key wherever {@code tabula audit
 * trail verify} runs. Neither is ever stored in the database.
 */
public final class TrailKeys {

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";

  private TrailKeys() {}

  /** Makes a new pair; the private key file is created with mode 0600. */
  public static void generate(Path privateKeyFile, Path publicKeyFile)
      throws IOException, GeneralSecurityException {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.createFile(
        privateKeyFile,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(privateKeyFile, pem(PRIVATE, pair.getPrivate().getEncoded()));
    Files.writeString(publicKeyFile, pem(PUBLIC, pair.getPublic().getEncoded()));
  }

  public static TrailSigner signer(Path privateKeyFile, Path publicKeyFile)
      throws IOException, GeneralSecurityException {
    PrivateKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new PKCS8EncodedKeySpec(read(privateKeyFile, PRIVATE)));
    PublicKey publicKey = publicKey(publicKeyFile);
    return new TrailSigner(key, java.util.Optional.of(publicKey), keyId(publicKey));
  }

  public static PublicKey publicKey(Path publicKeyFile)
      throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(read(publicKeyFile, PUBLIC)));
  }

  /** The first 8 bytes of SHA-256 of the public key, in hex: names the key in each checkpoint. */
  public static String keyId(PublicKey key) throws GeneralSecurityException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
    return HexFormat.of().formatHex(digest, 0, 8);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static byte[] read(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(
          file + " holds no " + type + " PEM block; make the pair with tabula audit trail keygen");
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }
}
