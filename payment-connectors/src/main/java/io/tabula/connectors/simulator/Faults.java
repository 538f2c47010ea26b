package io.tabula.connectors.simulator;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults waiting to be played, each once, in the order injected. */
public final class Faults {

  private final Queue<Fault> onConfirm = new ConcurrentLinkedQueue<>();
  private final Queue<Fault> onConnect = new ConcurrentLinkedQueue<>();
  private final Queue<Duration> lateReplies = new ConcurrentLinkedQueue<>();

  /**
   * Charges on the next confirmation as usual, but sends the answer only after {@code delay}: a
   * processor that answers after the client stopped waiting. A resend with the same key meanwhile
   * gets 409 (still running), and once the answer is stored, the replay.
   */
  public void answerLate(Duration delay) {
    lateReplies.add(delay);
  }

  Duration nextLateReply() {
    Duration delay = lateReplies.poll();
    return delay == null ? Duration.ZERO : delay;
  }

  /** Plays {@code fault} on the next confirmation (or the next connection for TLS faults). */
  public void inject(Fault fault) {
    (fault.onConnection() ? onConnect : onConfirm).add(fault);
  }

  Fault nextConfirmFault() {
    return onConfirm.poll();
  }

  boolean nextConnectionHasWrongHost() {
    return onConnect.poll() != null;
  }
}
