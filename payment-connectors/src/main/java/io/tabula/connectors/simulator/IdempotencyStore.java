package io.tabula.connectors.simulator;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Stripe's idempotency semantics: the first request under a key runs and its answer is kept; the
 * same key with the same parameters gets that answer again without running; the same key with other
 * parameters is an error; the same key while the first is still running is a conflict. Requests are
 * compared by a SHA-256 of their path and body, never by the body itself.
 */
final class IdempotencyStore {

  /** What a request under a key may do. */
  sealed interface Claim {
    /** First use: run it, then {@link #complete} or {@link #abandon}. */
    record Fresh() implements Claim {}

    record Replay(StoredReply reply) implements Claim {}

    record Mismatch() implements Claim {}

    record InFlight() implements Claim {}
  }

  /** A kept answer (non-secret JSON). */
  record StoredReply(int status, byte[] body) {}

  private record Entry(byte[] requestHash, StoredReply reply) {}

  private final Map<String, Entry> entries = new HashMap<>();

  synchronized Claim claim(String key, byte[] requestHash) {
    Entry entry = entries.get(key);
    if (entry == null) {
      entries.put(key, new Entry(requestHash, null));
      return new Claim.Fresh();
    }
    if (!MessageDigest.isEqual(entry.requestHash(), requestHash)) {
      return new Claim.Mismatch();
    }
    return entry.reply() == null ? new Claim.InFlight() : new Claim.Replay(entry.reply());
  }

  synchronized void complete(String key, StoredReply reply) {
    Entry entry = entries.get(key);
    if (entry != null) {
      entries.put(key, new Entry(entry.requestHash(), reply));
    }
  }

  /** Forgets a key whose request did not start executing (Stripe keeps nothing then). */
  synchronized void abandon(String key) {
    entries.remove(key);
  }
}
