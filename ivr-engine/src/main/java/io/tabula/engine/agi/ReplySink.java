package io.tabula.engine.agi;

/**
 * Where the decoder hands a connection's replies once a call owns it, directly instead of as a
 * {@link CommandReply} message through the pipeline: no message object per reply. Runs on the
 * connection's event loop, in order with the {@link AgiHangup} lines around it.
 */
@FunctionalInterface
public interface ReplySink {
  void reply(PendingCommand command, AgiReply reply);
}
