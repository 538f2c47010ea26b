package io.tabula.ops.access.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed chain head: "record {@code seq} has hash {@code headHash}", signed at {@code signedAt}
 * with the Ed25519 key {@code keyId}. Whoever rewrites the table cannot make a new one without the
 * key, which lives in a file outside the database.
 */
public record Checkpoint(
    long seq, byte[] headHash, Instant signedAt, String keyId, byte[] signature) {

  private static final byte[] DOMAIN =
      "tabula-audit-checkpoint-v1\0".getBytes(StandardCharsets.US_ASCII);

  /** The bytes that are signed. */
  public static byte[] message(long seq, byte[] headHash, Instant signedAt) {
    return ByteBuffer.allocate(DOMAIN.length + 16 + headHash.length)
        .put(DOMAIN)
        .putLong(seq)
        .putLong(AuditRecord.micros(signedAt))
        .put(headHash)
        .array();
  }
}
