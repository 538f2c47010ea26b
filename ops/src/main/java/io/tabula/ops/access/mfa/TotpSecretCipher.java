package io.tabula.ops.access.mfa;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts TOTP secrets at rest (PCI DSS 8.3.2): AES-256-GCM under a key kept in a file outside the
 * database (like the trail's signing key), so a database copy or a DBA's {@code select} holds no
 * usable secret. Each stored secret names its key's id; the account id is authenticated data, so a
 * secret copied to another account's row does not open. Older keys can be loaded beside the current
 * one for a rotation: secrets under them still open, and are resealed under the current key ({@link
 * Mfa#reseal()}).
 */
public final class TotpSecretCipher {

  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte[] DOMAIN = "tabula-totp-secret-v1".getBytes(StandardCharsets.US_ASCII);

  /** A sealed secret: the key's id and nonce || ciphertext || tag. */
  public record Sealed(String keyId, byte[] blob) {}

  private final String currentId;
  private final Map<String, SecretKeySpec> keys;
  private final SecureRandom random = new SecureRandom();

  private TotpSecretCipher(String currentId, Map<String, SecretKeySpec> keys) {
    this.currentId = currentId;
    this.keys = keys;
  }

  /** Writes a new random key to {@code file}, created with mode 0600. */
  public static void generate(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
    Arrays.fill(key, (byte) 0);
  }

  /** The key in {@code current} seals; those in {@code older} only open (key rotation). */
  public static TotpSecretCipher load(Path current, List<Path> older) throws IOException {
    Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    String currentId = add(keys, current);
    for (Path file : older) {
      add(keys, file);
    }
    return new TotpSecretCipher(currentId, Map.copyOf(keys));
  }

  private static String add(Map<String, SecretKeySpec> keys, Path file) throws IOException {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a TOTP key; make one with tabula users totp-keygen");
    }
    if (key.length != KEY_BYTES) {
      Arrays.fill(key, (byte) 0);
      throw new IOException(
          file + " does not hold a 256-bit key; make one with tabula users totp-keygen");
    }
    String id = idOf(key);
    keys.put(id, new SecretKeySpec(key, "AES"));
    Arrays.fill(key, (byte) 0);
    return id;
  }

  private static String idOf(byte[] key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      return HexFormat.of().formatHex(sha.digest(key), 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256; use a standard JDK", e);
    }
  }

  public String currentKeyId() {
    return currentId;
  }

  /** Seals {@code secret} (left as it is) for {@code accountId} under the current key. */
  public Sealed seal(long accountId, byte[] secret) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher aes = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), nonce, accountId, currentId);
      byte[] sealed = aes.doFinal(secret);
      return new Sealed(
          currentId,
          ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot do AES-GCM; use a standard JDK", e);
    }
  }

  /**
   * The secret sealed for {@code accountId} under {@code keyId}; the caller zeroes it.
   *
   * @throws TotpKeyException when the key is not loaded or the secret was altered or moved
   */
  public byte[] open(long accountId, String keyId, byte[] blob) {
    SecretKeySpec key = keys.get(keyId);
    if (key == null) {
      throw new TotpKeyException(
          "a TOTP secret is sealed under key "
              + keyId
              + ", which is not loaded; give that key file as an older TOTP key",
          null);
    }
    try {
      Cipher aes =
          cipher(
              Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(blob, 0, NONCE_BYTES), accountId, keyId);
      return aes.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new TotpKeyException(
          "a TOTP secret does not open (altered, or copied from another account); re-enrol"
              + " that account's authenticator",
          e);
    }
  }

  private static Cipher cipher(
      int mode, SecretKeySpec key, byte[] nonce, long accountId, String keyId)
      throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    aes.updateAAD(DOMAIN);
    aes.updateAAD(ByteBuffer.allocate(Long.BYTES).putLong(accountId).array());
    aes.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
    return aes;
  }
}
