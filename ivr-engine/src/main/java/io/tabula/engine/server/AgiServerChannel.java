package io.tabula.engine.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.tabula.engine.server.guard.ConnectionGuard;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's NIO listening channel: accepts connections as {@link HalfClosingChannel}s, whose
 * half-close at the end of a call makes no exception.
 *
 * <p>Made with the engine's {@link AgiChannelInitializer}, it also gives each connection its
 * pipeline as it makes the channel, and {@link #handlers} registers such a connection with an event
 * loop once the guard admitted it, in place of Netty's acceptor: no initializer per call to add to
 * the pipeline, run and remove (with its map of contexts being initialized), and no child options
 * to apply one by one (profile at 10,000 calls: 0.7 % of the loop's samples, plus the initializer's
 * context and pending-handler task in the garbage of every call).
 *
 * <pre>{@code
 * new ServerBootstrap().channelFactory(() -> new AgiServerChannel(pipelines))
 *     .handler(AgiServerChannel.handlers(guard, loops)).childHandler(pipelines)...
 * }</pre>
 */
public final class AgiServerChannel extends NioServerSocketChannel {

  private static final Logger LOG = LoggerFactory.getLogger(AgiServerChannel.class);

  /** Null: connections get their pipeline from the bootstrap's child handler, as usual. */
  private final AgiChannelInitializer pipelines;

  public AgiServerChannel() {
    this(null);
  }

  AgiServerChannel(AgiChannelInitializer pipelines) {
    this.pipelines = pipelines;
  }

  /**
   * The listening channel's handlers: {@code guard}, then the registration of connections this
   * channel gave their pipeline (on {@code loops}, in turn); anything else goes on to Netty's
   * acceptor.
   */
  static ChannelHandler handlers(ConnectionGuard guard, EventLoopGroup loops) {
    RegisterPrepared register = new RegisterPrepared(loops);
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel server) {
        server.pipeline().addLast(guard, register);
      }
    };
  }

  @Override
  protected int doReadMessages(List<Object> accepted) throws Exception {
    // Non-blocking: null when no connection is waiting.
    SocketChannel socket = javaChannel().accept();
    if (socket == null) {
      return 0;
    }
    try {
      HalfClosingChannel child = new HalfClosingChannel(this, socket);
      if (pipelines != null) {
        pipelines.prepare(child);
      }
      accepted.add(child);
      return 1;
    } catch (RuntimeException e) {
      LOG.warn(
          "could not set up an accepted connection ({}); closed it, and Asterisk ends that call",
          e.getClass().getSimpleName());
      socket.close();
      return 0;
    }
  }

  /** Whether the connections of this channel come with their pipeline. */
  private boolean preparesPipelines() {
    return pipelines != null;
  }

  /** Registers an admitted connection that already has its pipeline, as Netty's acceptor would. */
  @Sharable
  private static final class RegisterPrepared extends ChannelInboundHandlerAdapter {

    /** Shared by every connection: a child that could not be registered is dropped. */
    private static final ChannelFutureListener DROP_IF_FAILED =
        future -> {
          if (!future.isSuccess()) {
            drop(future.channel(), future.cause());
          }
        };

    private final EventLoopGroup loops;

    RegisterPrepared(EventLoopGroup loops) {
      this.loops = loops;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof HalfClosingChannel child)
          || !(child.parent() instanceof AgiServerChannel server)
          || !server.preparesPipelines()) {
        ctx.fireChannelRead(msg);
        return;
      }
      try {
        loops.register(child).addListener(DROP_IF_FAILED);
      } catch (RuntimeException e) {
        drop(child, e);
      }
    }

    private static void drop(Channel child, Throwable cause) {
      // Not registered: close() would need an event loop; this is how Netty's acceptor drops it.
      child.unsafe().closeForcibly();
      LOG.warn(
          "could not register an accepted connection ({}); closed it, and Asterisk ends that call",
          cause == null ? "unknown" : cause.getClass().getSimpleName());
    }
  }
}
