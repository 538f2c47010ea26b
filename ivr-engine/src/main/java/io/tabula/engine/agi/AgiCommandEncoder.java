package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Writes {@link PendingCommand}s and records them as in flight, on the event loop, so the decoder
 * knows how to read each reply before it can arrive; anything else passes on unchanged.
 *
 * <p>A command is written from the loop's one write buffer ({@link LoopBuffer#WRITES}): the socket
 * takes a command line at once, and Netty's release after the write frees the buffer for the next
 * command of any connection on the loop. A pooled buffer per command, as Netty's {@code
 * MessageToByteEncoder} takes, cost its allocation, release and the leak detector's sampled stack
 * traces on every command. A command the socket could not take at once keeps the buffer; commands
 * written meanwhile take pooled buffers of their own.
 */
public final class AgiCommandEncoder extends ChannelOutboundHandlerAdapter {

  private final InFlightCommands inFlight;

  public AgiCommandEncoder(InFlightCommands inFlight) {
    this.inFlight = inFlight;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof PendingCommand command)) {
      ctx.write(msg, promise);
      return;
    }
    AgiCommand line = command.command();
    int length = line.maxEncodedLength();
    ByteBuf out = LoopBuffer.WRITES.lend(length);
    if (out == null) {
      out = ctx.alloc().ioBuffer(length);
    }
    try {
      inFlight.add(command);
      line.encode(out);
    } catch (Throwable e) {
      out.release();
      throw e;
    }
    ctx.write(out, promise);
  }
}
