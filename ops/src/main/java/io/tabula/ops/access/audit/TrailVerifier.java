package io.tabula.ops.access.audit;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the whole trail: sequence numbers without gaps, each record's hash over its contents, each
 * record's link to the one before, and every signed head against the public key. Reports the first
 * broken record. A rewrite that recomputes every hash is caught by the first signed head it
 * crosses.
 */
public final class TrailVerifier {

  private final TrailReader reader;
  private final PublicKey publicKey;

  public TrailVerifier(TrailReader reader, PublicKey publicKey) {
    this.reader = reader;
    this.publicKey = publicKey;
  }

  /** What was checked and the first break, if any. */
  public record Result(long records, int checkpoints, Optional<Break> firstBreak) {
    public boolean intact() {
      return firstBreak.isEmpty();
    }
  }

  /** Where the chain breaks and why; {@code seq} names the first record that cannot be trusted. */
  public record Break(long seq, Problem problem) {}

  /** Why a record cannot be trusted. */
  public enum Problem {
    MISSING_RECORD("a record is missing before this one (deleted, or the sequence was renumbered)"),
    CONTENTS_CHANGED("this record's contents do not match its hash (edited in place)"),
    LINK_BROKEN(
        "this record does not hold the hash of the record before it (inserted, reordered or the"
            + " one before was replaced)"),
    SIGNED_HEAD_MISMATCH(
        "the signed checkpoint for this record names another hash (the chain was rewritten)"),
    SIGNED_HEAD_MISSING_RECORD("a signed checkpoint names this record but it is gone (truncated)"),
    BAD_SIGNATURE(
        "the checkpoint's signature does not verify with the public key (forged or another key)");

    private final String explanation;

    Problem(String explanation) {
      this.explanation = explanation;
    }

    public String explanation() {
      return explanation;
    }
  }

  public Result verify() {
    List<Checkpoint> checkpoints = reader.checkpoints();
    Map<Long, Checkpoint> bySeq = new HashMap<>();
    for (Checkpoint checkpoint : checkpoints) {
      if (!signatureValid(checkpoint)) {
        return new Result(
            0, checkpoints.size(), Optional.of(new Break(checkpoint.seq(), Problem.BAD_SIGNATURE)));
      }
      bySeq.put(checkpoint.seq(), checkpoint);
    }
    ChainWalk walk = new ChainWalk(bySeq);
    reader.forEach(walk::accept);
    Optional<Break> found = walk.firstBreak;
    if (found.isEmpty()) {
      found =
          checkpoints.stream()
              .filter(c -> c.seq() > walk.lastSeq)
              .findFirst()
              .map(c -> new Break(c.seq(), Problem.SIGNED_HEAD_MISSING_RECORD));
    }
    return new Result(walk.count, checkpoints.size(), found);
  }

  private boolean signatureValid(Checkpoint checkpoint) {
    try {
      Signature ed25519 = Signature.getInstance("Ed25519");
      ed25519.initVerify(publicKey);
      ed25519.update(
          Checkpoint.message(checkpoint.seq(), checkpoint.headHash(), checkpoint.signedAt()));
      return ed25519.verify(checkpoint.signature());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Walks records in order, remembering only the previous hash and the first break. */
  private static final class ChainWalk {
    private final Map<Long, Checkpoint> checkpoints;
    private byte[] previousHash = AuditRecord.GENESIS;
    private long lastSeq;
    private long count;
    private Optional<Break> firstBreak = Optional.empty();

    ChainWalk(Map<Long, Checkpoint> checkpoints) {
      this.checkpoints = checkpoints;
    }

    void accept(AuditRecord record) {
      count++;
      if (firstBreak.isEmpty()) {
        problem(record).ifPresent(p -> firstBreak = Optional.of(new Break(record.seq(), p)));
      }
      previousHash = record.hash();
      lastSeq = record.seq();
    }

    private Optional<Problem> problem(AuditRecord record) {
      if (record.seq() != lastSeq + 1) {
        return Optional.of(Problem.MISSING_RECORD);
      }
      if (!record.contentsMatchHash()) {
        return Optional.of(Problem.CONTENTS_CHANGED);
      }
      if (!Arrays.equals(record.previousHash(), previousHash)) {
        return Optional.of(Problem.LINK_BROKEN);
      }
      Checkpoint signed = checkpoints.get(record.seq());
      if (signed != null && !MessageDigest.isEqual(signed.headHash(), record.hash())) {
        return Optional.of(Problem.SIGNED_HEAD_MISMATCH);
      }
      return Optional.empty();
    }
  }
}
