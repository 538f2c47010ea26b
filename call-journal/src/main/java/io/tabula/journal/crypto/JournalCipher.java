package io.tabula.journal.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The journal's one cipher suite: HPKE (RFC 9180) in base mode with DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256 and AES-256-GCM, through Bouncy Castle. Each value is sealed on its own, to one
 * public key; the HPKE {@code info} names the suite and the key, and the associated data binds the
 * value to its record and field, so a ciphertext copied into another record or field does not open.
 *
 * <pre>{@code
 * Sealed sealed = JournalCipher.seal(tenantKey, aad, plaintext);
 * byte[] clear = JournalCipher.open(privateKey, sealed, aad);
 * }</pre>
 */
public final class JournalCipher {

  static final byte[] INFO_PREFIX = "tabula-journal-v1 ".getBytes(StandardCharsets.US_ASCII);

  private JournalCipher() {}

  /** A fresh instance per use: Bouncy Castle's HPKE keeps no state between calls, but is cheap. */
  static HPKE suite() {
    return new HPKE(
        HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256, HPKE.aead_AES_GCM256);
  }

  /** Seals {@code plaintext} to {@code key}; the caller zeroes its plaintext afterwards. */
  public static Sealed seal(JournalPublicKey key, byte[] aad, byte[] plaintext) {
    HPKE hpke = suite();
    AsymmetricKeyParameter recipient = hpke.deserializePublicKey(key.raw());
    try {
      byte[][] out = hpke.seal(recipient, info(key.id()), aad, plaintext, null, null, null);
      return new Sealed(key.id(), out[1], out[0]);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("HPKE seal failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Opens a sealed value; fails with a typed error for a wrong key or damaged or moved bytes. */
  public static byte[] open(JournalPrivateKey key, Sealed sealed, byte[] aad)
      throws JournalDecryptionException {
    if (!key.publicKey().id().equals(sealed.keyId())) {
      throw new JournalDecryptionException(
          "this value was sealed to key "
              + sealed.keyId()
              + ", not to "
              + key.publicKey().id()
              + "; use the private key file of "
              + sealed.keyId());
    }
    HPKE hpke = suite();
    AsymmetricCipherKeyPair pair = key.pair();
    try {
      return hpke.open(
          sealed.enc(), pair, info(sealed.keyId()), aad, sealed.ciphertext(), null, null, null);
    } catch (InvalidCipherTextException | IllegalArgumentException e) {
      throw new JournalDecryptionException(
          "a value sealed to key "
              + sealed.keyId()
              + " did not open: the private key file does not match that key, or the record was"
              + " altered; check that the file is the one keygen wrote for "
              + sealed.keyId());
    }
  }

  /**
   * The HPKE {@code info} of values sealed to {@code keyId}: {@code tabula-journal-v1 <key id>}.
   */
  public static byte[] info(String keyId) {
    byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
    byte[] info = Arrays.copyOf(INFO_PREFIX, INFO_PREFIX.length + id.length);
    System.arraycopy(id, 0, info, INFO_PREFIX.length, id.length);
    return info;
  }
}
