package io.tabula.journal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A tenant's journal public key (X25519, 32 bytes) with its id. The id is derived from the key
 * ({@code jk-} and the first 8 bytes of its SHA-256, in hex), so a record's key id names exactly
 * one key and nobody can label a record with another key's id by mistake.
 *
 * <p>Its text form, as {@code tabula journal keygen} writes it for the tenant file, is {@code
 * jk-0123456789abcdef:<base64 of the 32 bytes>}.
 */
public record JournalPublicKey(String id, byte[] raw) {

  public static final int LENGTH = 32;

  public JournalPublicKey {
    Objects.requireNonNull(id, "id");
    if (raw.length != LENGTH) {
      throw new IllegalArgumentException(
          "a journal public key is 32 bytes (X25519), not " + raw.length);
    }
    raw = raw.clone();
    if (!id.equals(idOf(raw))) {
      throw new IllegalArgumentException(
          "the key id " + id + " does not belong to this key; copy the line keygen wrote whole");
    }
  }

  /** The key with its derived id. */
  public static JournalPublicKey of(byte[] raw) {
    return new JournalPublicKey(idOf(raw), raw);
  }

  /** Reads {@code jk-<hex>:<base64>}; the id must match the key. */
  public static JournalPublicKey parse(String text) {
    String trimmed = text.strip();
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(
          "a journal public key reads jk-<16 hex digits>:<base64>; copy the line that"
              + " 'tabula journal keygen' wrote");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the journal public key is not base64 after its id; copy the line keygen wrote whole");
    }
    return new JournalPublicKey(trimmed.substring(0, colon), raw);
  }

  static String idOf(byte[] raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return "jk-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  public String text() {
    return id + ":" + Base64.getEncoder().encodeToString(raw);
  }

  /** The id as bytes, bound into every record sealed to this key. */
  byte[] idBytes() {
    return id.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JournalPublicKey key
        && key.id.equals(id)
        && Arrays.equals(key.raw, raw);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id;
  }
}
