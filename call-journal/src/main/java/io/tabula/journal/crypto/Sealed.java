package io.tabula.journal.crypto;

import java.util.Objects;

/**
 * One value sealed with HPKE: the id of the public key it was sealed to, the encapsulated key
 * ({@code enc}, 32 bytes for X25519) and the AES-256-GCM ciphertext with its tag.
 */
public record Sealed(String keyId, byte[] enc, byte[] ciphertext) {

  public Sealed {
    Objects.requireNonNull(keyId, "keyId");
    enc = enc.clone();
    ciphertext = ciphertext.clone();
  }

  @Override
  public byte[] enc() {
    return enc.clone();
  }

  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Sealed s
        && s.keyId.equals(keyId)
        && java.util.Arrays.equals(s.enc, enc)
        && java.util.Arrays.equals(s.ciphertext, ciphertext);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(ciphertext);
  }

  /** Never the bytes: they are safe, but a log is no place for them either. */
  @Override
  public String toString() {
    return "Sealed[" + keyId + ", " + ciphertext.length + " bytes]";
  }
}
