package io.tabula.engine.agi;

/**
 * A command on its way to Asterisk, with how to read its reply and where the reply goes. The
 * encoder queues it when it writes the command; the decoder takes it when the reply arrives.
 *
 * <p>A call sends one command at a time, so a call run on its event loop keeps one pending command
 * and {@link #reuse}s it for the next command once the reply came: no pending entry and no reply
 * slot per command. The fields are written by whoever runs the call before the command is written,
 * and read by the encoder and decoder on the same event loop.
 *
 * <pre>{@code
 * PendingCommand pending = PendingCommand.plain(first);       // the call's first command
 * pending.reuse(next, ReplyExpectation.RESULT_ONLY);          // after first's reply settled
 * }</pre>
 */
public final class PendingCommand {

  private AgiCommand command;
  private ReplyExpectation expectation;
  private final ReplySlot reply;

  private PendingCommand(AgiCommand command, ReplyExpectation expectation, ReplySlot reply) {
    this.command = command;
    this.expectation = expectation;
    this.reply = reply;
  }

  public static PendingCommand plain(AgiCommand command) {
    return new PendingCommand(command, ReplyExpectation.PLAIN, new ReplySlot());
  }

  /** A command whose reply's result alone matters ({@link ReplyExpectation.ResultOnly}). */
  public static PendingCommand resultOnly(AgiCommand command) {
    return new PendingCommand(command, ReplyExpectation.RESULT_ONLY, new ReplySlot());
  }

  public static PendingCommand expecting(AgiCommand command, ReplyExpectation expectation) {
    return new PendingCommand(command, expectation, new ReplySlot());
  }

  /**
   * Makes this settled command the next one, {@code next} read as {@code expecting}, with its slot
   * rearmed ({@link ReplySlot#rearm}).
   *
   * @throws IllegalStateException if its reply has not settled yet
   */
  public PendingCommand reuse(AgiCommand next, ReplyExpectation expecting) {
    reply.rearm();
    this.command = next;
    this.expectation = expecting;
    return this;
  }

  public AgiCommand command() {
    return command;
  }

  public ReplyExpectation expectation() {
    return expectation;
  }

  public ReplySlot reply() {
    return reply;
  }

  /** The verb only, as {@link AgiCommand#toString} shows it. */
  @Override
  public String toString() {
    return "PendingCommand[" + command + "]";
  }
}
