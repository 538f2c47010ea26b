package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link PendingCommand}s and records them as in flight, on the event loop, so the decoder
 * knows how to read each reply before it can arrive.
 */
public final class AgiCommandEncoder extends MessageToByteEncoder<PendingCommand> {

  private final InFlightCommands inFlight;

  public AgiCommandEncoder(InFlightCommands inFlight) {
    super(PendingCommand.class);
    this.inFlight = inFlight;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, PendingCommand command, ByteBuf out) {
    inFlight.add(command);
    command.command().encode(out);
  }
}
