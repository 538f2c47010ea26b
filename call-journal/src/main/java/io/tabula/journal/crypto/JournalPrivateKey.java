package io.tabula.journal.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;

/**
 * A tenant's journal private key, which only the tenant's admins hold (in a password-protected
 * file, {@link PrivateKeyFile}); the engine never has it. {@code toString()} names the key id only.
 */
public final class JournalPrivateKey {

  private final X25519PrivateKeyParameters key;
  private final JournalPublicKey publicKey;

  JournalPrivateKey(X25519PrivateKeyParameters key) {
    this.key = key;
    this.publicKey = JournalPublicKey.of(key.generatePublicKey().getEncoded());
  }

  /** A new random key pair (for {@code tabula journal keygen} and the tests). */
  public static JournalPrivateKey generate() {
    AsymmetricCipherKeyPair pair = JournalCipher.suite().generatePrivateKey();
    return new JournalPrivateKey((X25519PrivateKeyParameters) pair.getPrivate());
  }

  public JournalPublicKey publicKey() {
    return publicKey;
  }

  X25519PrivateKeyParameters parameters() {
    return key;
  }

  AsymmetricCipherKeyPair pair() {
    return new AsymmetricCipherKeyPair(new X25519PublicKeyParameters(publicKey.raw(), 0), key);
  }

  @Override
  public String toString() {
    return "JournalPrivateKey[" + publicKey.id() + "]";
  }
}
