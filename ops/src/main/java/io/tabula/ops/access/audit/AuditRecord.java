package io.tabula.ops.access.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One stored record of the trail: its place, time, event, the hash of the record before it and its
 * own hash. The hash is SHA-256 over the previous hash and every field, each length-prefixed, so no
 * two different records can be made to hash the same by moving text between fields.
 */
public record AuditRecord(
    long seq, Instant at, AuditEvent event, byte[] previousHash, byte[] hash) {

  /** The hash before the first record: 32 zero bytes. */
  public static final byte[] GENESIS = new byte[32];

  /** PostgreSQL keeps microseconds: a time is truncated before it is hashed and stored. */
  public static Instant storable(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }

  /** The hash a record with these contents must have. */
  public static byte[] hashOf(long seq, Instant at, AuditEvent event, byte[] previousHash) {
    MessageDigest digest = sha256();
    digest.update(previousHash);
    digest.update(ByteBuffer.allocate(16).putLong(seq).putLong(micros(at)).array());
    for (String field :
        new String[] {
          event.actor(),
          event.action().code(),
          event.tenant(),
          event.target(),
          event.source(),
          event.outcome().name(),
          event.detail()
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
      digest.update(bytes);
    }
    return digest.digest();
  }

  /** Whether the stored hash is the hash of the stored contents. */
  public boolean contentsMatchHash() {
    return MessageDigest.isEqual(hash, hashOf(seq, at, event, previousHash));
  }

  static long micros(Instant at) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, at);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256; use a standard JDK 25", e);
    }
  }
}
