package io.tabula.engine.agi;

/**
 * A command on its way to Asterisk, with how to read its reply and where the reply goes. The
 * encoder queues it when it writes the command; the decoder takes it when the reply arrives.
 */
public record PendingCommand(AgiCommand command, ReplyExpectation expectation, ReplySlot reply) {

  public static PendingCommand plain(AgiCommand command) {
    return new PendingCommand(command, ReplyExpectation.PLAIN, new ReplySlot());
  }

  public static PendingCommand expecting(AgiCommand command, ReplyExpectation expectation) {
    return new PendingCommand(command, expectation, new ReplySlot());
  }
}
