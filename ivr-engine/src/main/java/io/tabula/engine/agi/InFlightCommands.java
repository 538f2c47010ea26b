package io.tabula.engine.agi;

import java.util.ArrayDeque;

/**
 * The commands of one connection that were written and await a reply, in order. Used only on the
 * connection's event loop: the encoder adds, the decoder takes, the session drains at the end.
 */
public final class InFlightCommands {

  private final ArrayDeque<PendingCommand> queue = new ArrayDeque<>(2);
  private ReplySink sink;

  /**
   * From now on the decoder hands replies to {@code sink} instead of firing {@link CommandReply}
   * messages; on the event loop, once the call that answers them exists.
   */
  public void deliverTo(ReplySink sink) {
    this.sink = sink;
  }

  /** Where replies go directly, or null: they go through the pipeline as messages. */
  ReplySink sink() {
    return sink;
  }

  void add(PendingCommand command) {
    queue.addLast(command);
  }

  /** The oldest command awaiting its reply, or null (checked once per reply, so no Optional). */
  PendingCommand next() {
    return queue.peekFirst();
  }

  /** Removes the oldest command once its reply was read. */
  void take() {
    queue.pollFirst();
  }

  /** Removes and returns every command still waiting, for failing them when the call ends. */
  public java.util.List<PendingCommand> drain() {
    if (queue.isEmpty()) {
      return java.util.List.of(); // as at the end of most calls: no list made
    }
    java.util.List<PendingCommand> all = new java.util.ArrayList<>(queue);
    queue.clear();
    return all;
  }
}
