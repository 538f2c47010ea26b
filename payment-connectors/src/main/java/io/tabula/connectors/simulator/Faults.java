package io.tabula.connectors.simulator;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Faults waiting to be played, each once, in the order injected. */
public final class Faults {

  private final Queue<Fault> onConfirm = new ConcurrentLinkedQueue<>();
  private final Queue<Fault> onConnect = new ConcurrentLinkedQueue<>();

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
