package io.tabula.ops.access.audit;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Optional;

/** Signs chain heads with an Ed25519 private key read from a file ({@link TrailKeys}). */
public final class TrailSigner {

  private final PrivateKey key;
  private final Optional<PublicKey> publicKey;
  private final String keyId;

  public TrailSigner(PrivateKey key, String keyId) {
    this(key, Optional.empty(), keyId);
  }

  /** With the public key too, so the process that signs can also verify ({@link #publicKey}). */
  public TrailSigner(PrivateKey key, Optional<PublicKey> publicKey, String keyId) {
    this.key = key;
    this.publicKey = publicKey;
    this.keyId = keyId;
  }

  public Optional<PublicKey> publicKey() {
    return publicKey;
  }

  Checkpoint sign(long seq, byte[] headHash, Instant signedAt) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initSign(key);
      ed25519.update(Checkpoint.message(seq, headHash, signedAt));
      return new Checkpoint(seq, headHash, signedAt, keyId, ed25519.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot sign with the audit trail key; check that it is an Ed25519 key", e);
    }
  }

  @Override
  public String toString() {
    return "TrailSigner[" + keyId + "]";
  }
}
