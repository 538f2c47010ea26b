package io.tabula.engine.agi;

import java.util.ArrayDeque;
import java.util.Optional;

/**
 * The commands of one connection that were written and await a reply, in order. Used only on the
 * connection's event loop: the encoder adds, the decoder takes, the session drains at the end.
 */
public final class InFlightCommands {

  private final ArrayDeque<PendingCommand> queue = new ArrayDeque<>(2);

  void add(PendingCommand command) {
    queue.addLast(command);
  }

  Optional<PendingCommand> next() {
    return Optional.ofNullable(queue.peekFirst());
  }

  Optional<PendingCommand> take() {
    return Optional.ofNullable(queue.pollFirst());
  }

  /** Removes and returns every command still waiting, for failing them when the call ends. */
  public java.util.List<PendingCommand> drain() {
    java.util.List<PendingCommand> all = new java.util.ArrayList<>(queue);
    queue.clear();
    return all;
  }
}
