package io.tabula.ops.access.audit;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Signs the audit trail's head every {@code every} while a long-running process (the console) is
 * up, and once more when it closes, so a record is never left unsigned for longer than that even
 * when no later record comes to trigger {@link AuditTrail}'s own signing. A checkpoint with nothing
 * new since the last one signs nothing.
 *
 * <pre>{@code
 * try (TrailCheckpointer checkpoints =
 *     TrailCheckpointer.start(trail, settings.signEvery(), Repeater.daemon("trail-checkpoint"))) {
 *   ... serve ...
 * } // the head is signed here
 * }</pre>
 */
public final class TrailCheckpointer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(TrailCheckpointer.class.getName());

  private final AuditTrail trail;
  private final Repeater repeater;

  private TrailCheckpointer(AuditTrail trail, Repeater repeater) {
    this.trail = trail;
    this.repeater = repeater;
  }

  /** Starts signing every {@code every}; {@code trail} must have a signer. */
  public static TrailCheckpointer start(AuditTrail trail, Duration every, Repeater repeater) {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException(
          "the checkpoint period must be positive; use the default (signEvery, 5 minutes)");
    }
    TrailCheckpointer checkpointer = new TrailCheckpointer(trail, repeater);
    repeater.every(every, checkpointer::checkpoint);
    return checkpointer;
  }

  /**
   * One scheduled checkpoint. A failure is logged and the next period tries again: the records are
   * in the chain already, and {@code tabula audit trail verify} reports the unsigned tail.
   */
  private void checkpoint() {
    try {
      trail.checkpoint();
    } catch (AuditTrailException e) {
      LOG.log(
          Level.ERROR,
          "could not sign the audit trail's head; check the access database, the next period"
              + " tries again",
          e);
    }
  }

  /** Stops the schedule, then signs the head a last time (at shutdown). */
  @Override
  public void close() {
    repeater.close();
    trail.checkpoint();
  }

  /**
   * Stops the schedule without a last signature: for a trail that ends with the process (the
   * console's embedded database, which its own shutdown hook stops at the same moment).
   */
  public void stop() {
    repeater.close();
  }
}
