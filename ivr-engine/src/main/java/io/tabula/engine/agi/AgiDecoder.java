package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Decodes what Asterisk sends on a FastAGI connection: first the {@code agi_*} header block (passed
 * on as one {@link AgiHeader}), then replies (passed on as {@link CommandReply}) and {@link
 * AgiHangup} lines at any point.
 *
 * <p>Every inbound buffer is zeroed before it is released, and lines are parsed in place, because a
 * reply to a secure collect carries the caller's digits. A broken rule (oversized line, garbage,
 * half header, header too slow, reply nobody asked for) fires one {@link AgiProtocolException},
 * after which the rest of the input is zeroed and dropped.
 *
 * <pre>{@code
 * InFlightCommands inFlight = new InFlightCommands();
 * pipeline.addLast(new AgiDecoder(AgiLimits.defaults(), inFlight),
 *                  new AgiCommandEncoder(inFlight), sessionHandler);
 * }</pre>
 */
public final class AgiDecoder extends ChannelInboundHandlerAdapter implements LoopTimeouts.Timeout {

  private static final byte[] HANGUP = ReplyParser.ascii("HANGUP");
  private static final byte[] CODE_510 = ReplyParser.ascii("510 ");
  private static final byte[] CODE_511 = ReplyParser.ascii("511 ");
  private static final byte[] USAGE_START = ReplyParser.ascii("520-");
  private static final byte[] USAGE_END = ReplyParser.ascii("520 ");
  private static final int MAX_USAGE_LINES = 200;

  private final AgiLimits limits;
  private final InFlightCommands inFlight;
  private HeaderBlock header;
  private LineCarry carry;

  /**
   * The header deadline: an entry in the loop's {@link LoopTimeouts} (not a Netty timer per
   * connection), its ticket, and the context it fails the connection on; null once cancelled.
   */
  private LoopTimeouts headerTimeouts;

  private long headerTicket;
  private ChannelHandlerContext headerContext;
  private int usageLines = -1;
  private boolean failed;

  public AgiDecoder(AgiLimits limits, InFlightCommands inFlight) {
    this.limits = limits;
    this.inFlight = inFlight;
    this.header = new HeaderBlock(limits.maxHeaderBytes());
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    carry = new LineCarry(ctx.alloc(), limits.maxLineBytes());
    if (ctx.channel().isActive()) {
      startHeaderTimer(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    startHeaderTimer(ctx);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (!failed) {
        decode(ctx, in);
      }
    } catch (AgiProtocolException e) {
      fail(ctx, e);
    } finally {
      // Zero what the transport wrote, then give the buffer back: it may have held digits. Emptied
      // too, so that the loop's read buffer, zeroed again before its next loan over what its last
      // user wrote (LoopBuffer), finds nothing left to zero.
      in.setZero(0, in.writerIndex());
      in.clear();
      in.release();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      endOfInput(ctx);
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    endOfInput(ctx);
    carry.release();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelHeaderTimer();
    carry.release();
  }

  /** Whether the header block arrived; replies are decoded from then on. */
  public boolean headerDone() {
    return header == null;
  }

  private void decode(ChannelHandlerContext ctx, ByteBuf in) {
    int index = in.readerIndex();
    int end = in.writerIndex();
    while (index < end && !failed) {
      int lf = in.indexOf(index, end, (byte) '\n');
      if (lf < 0) {
        if (!carry.append(in, index, end - index)) {
          throw new AgiProtocolException(
              AgiProtocolException.Violation.LINE_TOO_LONG, carry.length() + end - index);
        }
        break;
      }
      if (carry.isEmpty()) {
        requireLineLength(lf - index);
        line(ctx, in, index, lf);
      } else {
        if (!carry.append(in, index, lf - index)) {
          throw new AgiProtocolException(
              AgiProtocolException.Violation.LINE_TOO_LONG, carry.length() + lf - index);
        }
        ByteBuf joined = carry.content();
        try {
          line(ctx, joined, joined.readerIndex(), joined.writerIndex());
        } finally {
          carry.clear();
        }
      }
      index = lf + 1;
    }
    in.readerIndex(end);
  }

  private void requireLineLength(int length) {
    if (length > limits.maxLineBytes()) {
      throw new AgiProtocolException(AgiProtocolException.Violation.LINE_TOO_LONG, length);
    }
  }

  private void line(ChannelHandlerContext ctx, ByteBuf line, int from, int to) {
    if (header != null) {
      AgiHeader done = header.accept(line, from, to);
      if (done != null) {
        header = null;
        cancelHeaderTimer();
        ctx.fireChannelRead(done);
      }
      return;
    }
    if (usageLines >= 0) {
      usageLine(ctx, line, from, to);
    } else if (to - from == HANGUP.length && ReplyParser.startsWith(line, from, to, HANGUP)) {
      ctx.fireChannelRead(AgiHangup.INSTANCE);
    } else if (ReplyParser.startsWith(line, from, to, USAGE_START)) {
      usageLines = 0;
    } else {
      reply(ctx, line, from, to);
    }
  }

  private void usageLine(ChannelHandlerContext ctx, ByteBuf line, int from, int to) {
    if (ReplyParser.startsWith(line, from, to, USAGE_END)) {
      int lines = usageLines;
      usageLines = -1;
      complete(ctx, new AgiReply.UsageError(lines), to - from);
    } else if (++usageLines > MAX_USAGE_LINES) {
      throw new AgiProtocolException(AgiProtocolException.Violation.MALFORMED_REPLY, to - from);
    }
  }

  private void reply(ChannelHandlerContext ctx, ByteBuf line, int from, int to) {
    int length = to - from;
    // Almost every line is a 200 reply: it is looked for first (the codes' prefixes exclude each
    // other, so the order changes no outcome).
    if (ReplyParser.isResultLine(line, from, to)) {
      PendingCommand command = expectedCommand(length);
      AgiReply reply;
      try {
        reply = ReplyParser.parse(line, from, to, command.expectation());
      } catch (RuntimeException e) {
        // The field refused the digits (stale after the call ended, or full): the reply is void.
        inFlight.take();
        command.reply().fail(e);
        return;
      }
      complete(ctx, command, reply);
    } else if (ReplyParser.startsWith(line, from, to, CODE_510)) {
      complete(ctx, new AgiReply.InvalidCommand(), length);
    } else if (ReplyParser.startsWith(line, from, to, CODE_511)) {
      complete(ctx, new AgiReply.DeadChannel(), length);
    } else {
      throw new AgiProtocolException(AgiProtocolException.Violation.MALFORMED_REPLY, length);
    }
  }

  private PendingCommand expectedCommand(int length) {
    PendingCommand command = inFlight.next();
    if (command == null) {
      throw new AgiProtocolException(AgiProtocolException.Violation.UNEXPECTED_REPLY, length);
    }
    return command;
  }

  private void complete(ChannelHandlerContext ctx, AgiReply reply, int length) {
    complete(ctx, expectedCommand(length), reply);
  }

  /**
   * {@code command}, the oldest in flight (its reply was parsed for it), answered by {@code reply}.
   */
  private void complete(ChannelHandlerContext ctx, PendingCommand command, AgiReply reply) {
    inFlight.take();
    ReplySink sink = inFlight.sink();
    if (sink == null) {
      ctx.fireChannelRead(new CommandReply(command, reply));
      return;
    }
    try {
      sink.reply(command, reply);
    } catch (RuntimeException e) {
      // As if the message's handler had thrown: the pipeline's error path ends the call.
      ctx.fireExceptionCaught(e);
    }
  }

  private void endOfInput(ChannelHandlerContext ctx) {
    if (header != null && !failed) {
      fail(
          ctx,
          new AgiProtocolException(
              AgiProtocolException.Violation.HALF_HEADER, header.bytes() + carry.length()));
    }
    carry.clear();
  }

  private void fail(ChannelHandlerContext ctx, AgiProtocolException e) {
    failed = true;
    cancelHeaderTimer();
    carry.clear();
    ctx.fireExceptionCaught(e);
  }

  private void startHeaderTimer(ChannelHandlerContext ctx) {
    if (headerTimeouts != null || header == null) {
      return;
    }
    headerContext = ctx;
    headerTimeouts = LoopTimeouts.of(ctx.executor());
    headerTicket = headerTimeouts.add(this, limits.headerTimeout());
  }

  /** The header deadline passed (on the loop): fails the connection unless the header came. */
  @Override
  public void timedOut() {
    ChannelHandlerContext ctx = headerContext;
    headerTimeouts = null;
    headerContext = null;
    if (header != null && !failed && ctx != null) {
      fail(
          ctx,
          new AgiProtocolException(AgiProtocolException.Violation.HEADER_TIMEOUT, header.bytes()));
    }
  }

  private void cancelHeaderTimer() {
    if (headerTimeouts != null) {
      headerTimeouts.cancel(headerTicket);
      headerTimeouts = null;
      headerContext = null;
    }
  }
}
