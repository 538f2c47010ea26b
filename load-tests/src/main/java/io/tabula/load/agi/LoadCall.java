package io.tabula.load.agi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The Asterisk side of one load call on its Netty channel: sends the {@code agi_*} header block,
 * answers each command via {@link PbxReplies} (after the prompt delay for media commands), and
 * measures the turnaround: from the moment a reply is handed to the socket to the moment the
 * engine's next command line arrives.
 */
final class LoadCall extends SimpleChannelInboundHandler<ByteBuf> {

  /** STREAM FILE, GET DATA and SAY DIGITS in the shared call script. */
  static final int MEDIA_COMMANDS = 3;

  private final long id;
  private final LoadStats stats;
  private final LoadOptions options;
  private final Runnable onEnd;
  private long replySentAt;
  private long headerSentAt;
  private long hangupRepliedAt;
  private final long createdAt = System.nanoTime();
  private boolean hangupCommandSeen;
  private boolean failed;
  private ScheduledFuture<?> timeout;

  /**
   * @param onEnd runs once when the channel is deregistered, after the call was counted (also when
   *     the connect failed and the channel was never active)
   */
  LoadCall(long id, LoadStats stats, LoadOptions options, Runnable onEnd) {
    this.onEnd = onEnd;
    this.id = id;
    this.stats = stats;
    this.options = options;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    stats.connect(System.nanoTime() - createdAt);
    timeout =
        ctx.executor()
            .schedule(
                () -> fail(ctx, "timeout"),
                options.callTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(header(id, options.rounds())));
    headerSentAt = System.nanoTime();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf line) {
    long now = System.nanoTime();
    if (headerSentAt != 0) {
      stats.setup(now - headerSentAt);
      headerSentAt = 0;
    } else if (replySentAt != 0) {
      stats.turnaround(now - replySentAt, now);
      replySentAt = 0;
    }
    String command = line.toString(StandardCharsets.US_ASCII);
    PbxReplies.Reply reply = PbxReplies.to(command);
    stats.command();
    if (hangupCommandSeen && !PbxReplies.worksOnDeadChannel(command)) {
      send(ctx, "511 Command Not Permitted on a dead channel or intercept routine\n");
      return;
    }
    if (reply.media() && !options.promptDelay().isZero()) {
      ctx.executor()
          .schedule(() -> send(ctx, reply.line()), options.promptNanos(), TimeUnit.NANOSECONDS);
    } else {
      send(ctx, reply.line());
    }
    if (reply.hangup()) {
      hangupCommandSeen = true;
      hangupRepliedAt = System.nanoTime();
      // Observation 5: the engine's HANGUP gets 200 result=1, then the asynchronous HANGUP line.
      ctx.writeAndFlush(
          ctx.alloc().buffer().writeBytes("HANGUP\n".getBytes(StandardCharsets.US_ASCII)));
      replySentAt = 0;
    }
  }

  private void send(ChannelHandlerContext ctx, String line) {
    if (!ctx.channel().isActive()) {
      return;
    }
    ctx.writeAndFlush(
        ctx.alloc().buffer(line.length()).writeBytes(line.getBytes(StandardCharsets.US_ASCII)));
    replySentAt = hangupCommandSeen ? 0 : System.nanoTime();
  }

  /**
   * The engine half-closed after its HANGUP (it keeps reading): Asterisk answers every close with
   * one more {@code HANGUP} line and closes (observation 5).
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
      ctx.writeAndFlush(
              ctx.alloc().buffer().writeBytes("HANGUP\n".getBytes(StandardCharsets.US_ASCII)))
          .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    if (!failed) {
      if (hangupCommandSeen) {
        stats.completed();
      } else {
        stats.failed("closed-before-hangup");
      }
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelUnregistered(ChannelHandlerContext ctx) {
    if (hangupRepliedAt != 0) {
      stats.teardown(System.nanoTime() - hangupRepliedAt);
    }
    onEnd.run();
    ctx.fireChannelUnregistered();
  }

  /**
   * A socket error after the target's {@code HANGUP} was answered ends a completed call: a target
   * that closes as soon as it read {@code 200 result=1} (the C floor does) leaves the PBX's {@code
   * HANGUP} line that follows unread, and the kernel answers a close with unread data with a reset.
   * Nothing of the call is lost by then, as with Asterisk.
   */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (hangupCommandSeen && cause instanceof java.io.IOException) {
      ctx.close();
      return;
    }
    fail(ctx, cause.getClass().getSimpleName());
  }

  private void fail(ChannelHandlerContext ctx, String reason) {
    if (!failed) {
      failed = true;
      stats.failed(reason);
    }
    ctx.close();
  }

  /**
   * The header block Asterisk 22 sends (fixtures agi/*.txt) for {@code
   * AGI(agi://127.0.0.1/load/account,<rounds>)}: route /load/account, the rounds as agi_arg_1.
   */
  static byte[] header(long id, int rounds) {
    String channel = "Local/load-" + String.format("%08x", id) + "@ivr;2";
    String text =
        "agi_network: yes\n"
            + "agi_network_script: load/account\n"
            + "agi_request: agi://127.0.0.1/load/account\n"
            + "agi_channel: "
            + channel
            + "\n"
            + "agi_language: en\n"
            + "agi_type: Local\n"
            + "agi_uniqueid: 1795421432."
            + id
            + "\n"
            + "agi_version: 22.10.1\n"
            + "agi_callerid: unknown\n"
            + "agi_calleridname: unknown\n"
            + "agi_callingpres: 67\n"
            + "agi_callingani2: 0\n"
            + "agi_callington: 0\n"
            + "agi_callingtns: 0\n"
            + "agi_dnid: unknown\n"
            + "agi_rdnis: unknown\n"
            + "agi_context: ivr\n"
            + "agi_extension: load\n"
            + "agi_priority: 1\n"
            + "agi_enhanced: 0.0\n"
            + "agi_accountcode: \n"
            + "agi_threadid: 140569567119040\n"
            + "agi_arg_1: "
            + rounds
            + "\n"
            + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
