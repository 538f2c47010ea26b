package io.tabula.load.agi;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DuplexChannel;
import io.tabula.engine.agi.AgiCommand;
import io.tabula.engine.agi.AgiCommandEncoder;
import io.tabula.engine.agi.AgiDecoder;
import io.tabula.engine.agi.AgiHangup;
import io.tabula.engine.agi.AgiHeader;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.agi.AgiReply;
import io.tabula.engine.agi.CommandReply;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.engine.agi.PendingCommand;
import io.tabula.engine.agi.ReplyExpectation;
import io.tabula.engine.server.NettyDefaults;
import io.tabula.engine.server.Transport;
import io.tabula.masking.memory.Acquisition;
import io.tabula.masking.memory.CallMemory;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.SecretField;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/**
 * A measurement prototype, not the engine: the engine's own FastAGI codec ({@link AgiDecoder},
 * {@link AgiCommandEncoder}, {@link PendingCommand}s, the digits of {@code GET DATA} going from the
 * inbound buffer into a {@link SecretField} of pooled call memory, zeroed once at the end) running
 * the load call as a state machine on the event loop: no virtual thread, no hand-off per command.
 * What that costs against the floor is what an event-loop interpreter could reach at most with
 * today's codec (docs/engine.md, "Design: the event-loop interpreter"). It has none of the engine's
 * time limits, metrics, drain or routing.
 *
 * <p>Run: {@code java -cp load-tests/target/benchmarks.jar io.tabula.load.agi.SteppedTarget <port>
 * <slots>}; it stops when its standard input closes ({@link TargetControl}).
 */
public final class SteppedTarget {

  private SteppedTarget() {}

  public static void main(String[] args) throws Exception {
    NettyDefaults.apply();
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 4692;
    int slots = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    CallMemoryPool pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults().withSlots(slots));
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    Channel server =
        new ServerBootstrap()
            .group(loops, loops)
            // The engine's own listening channel (its connections half-close as the engine's do).
            .channel(Transport.NIO.serverChannel())
            .option(ChannelOption.SO_BACKLOG, 4096)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    InFlightCommands inFlight = new InFlightCommands();
                    channel
                        .pipeline()
                        .addLast(new AgiDecoder(AgiLimits.defaults(), inFlight))
                        .addLast(new AgiCommandEncoder(inFlight))
                        .addLast(new SteppedCall(pool));
                  }
                })
            .bind(InetAddress.getLoopbackAddress(), port)
            .sync()
            .channel();
    long reserved = (long) slots * pool.config().slotBytes();
    TargetControl.serve(
        ((java.net.InetSocketAddress) server.localAddress()).getPort(),
        () -> reserved,
        () -> {
          server.close().syncUninterruptibly();
          loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
          pool.close();
        });
  }

  /** One call: rounds of STREAM FILE, GET DATA, SAY DIGITS, then HANGUP, advanced by replies. */
  private static final class SteppedCall extends ChannelInboundHandlerAdapter {

    private final CallMemoryPool pool;
    private CallMemory memory;
    private SecretField account;
    private int roundsLeft;
    private int step;
    private boolean ended;

    SteppedCall(CallMemoryPool pool) {
      this.pool = pool;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      switch (msg) {
        case AgiHeader header -> start(ctx, header);
        case CommandReply reply -> next(ctx, reply.reply());
        case AgiHangup hangup -> end(ctx);
        default -> ctx.fireChannelRead(msg);
      }
    }

    private void start(ChannelHandlerContext ctx, AgiHeader header) {
      if (!(pool.acquire() instanceof Acquisition.Acquired(CallMemory acquired))) {
        ctx.close();
        return;
      }
      memory = acquired;
      account = memory.field("account", 6);
      roundsLeft = LoadCallFlow.rounds(header.arguments());
      send(ctx);
    }

    private void next(ChannelHandlerContext ctx, AgiReply reply) {
      if (ended || reply instanceof AgiReply.DeadChannel) {
        end(ctx);
        return;
      }
      if (step == 3) {
        end(ctx); // the reply to HANGUP
        return;
      }
      step = step == 2 ? 0 : step + 1;
      if (step == 0) {
        roundsLeft--;
      }
      send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
      if (roundsLeft == 0) {
        step = 3;
        memory.release();
      }
      PendingCommand command =
          switch (step) {
            case 0 -> PendingCommand.plain(AgiCommand.of("STREAM FILE").arg("welcome").quoted(""));
            case 1 -> {
              account.clear();
              yield PendingCommand.expecting(
                  AgiCommand.of("GET DATA").arg("enter-account").arg(5000).arg(6),
                  new ReplyExpectation.DigitsInto(account));
            }
            case 2 -> PendingCommand.plain(AgiCommand.of("SAY DIGITS").arg("42").quoted(""));
            default -> PendingCommand.plain(AgiCommand.of("HANGUP"));
          };
      ctx.writeAndFlush(command, ctx.voidPromise());
    }

    /** Zeroes the call's memory once and half-closes, as the engine does. */
    private void end(ChannelHandlerContext ctx) {
      if (ended) {
        return;
      }
      ended = true;
      if (memory != null) {
        memory.release();
      }
      if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
        duplex.shutdownOutput();
        ctx.executor().schedule(() -> ctx.close(), 2, TimeUnit.SECONDS);
      } else {
        ctx.close();
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
        ctx.close();
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (memory != null) {
        memory.release();
      }
      ended = true;
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      end(ctx);
    }
  }
}
