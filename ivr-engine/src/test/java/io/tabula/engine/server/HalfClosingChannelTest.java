package io.tabula.engine.server;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ChannelOutputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's accepted connections half-close as Netty's do (the peer reads to the end of the
 * stream, the engine still reads what the peer sends, the pipeline hears the output shutdown), only
 * without Netty's exception when nothing is queued; with writes queued, Netty's own path runs.
 */
class HalfClosingChannelTest {

  private final EventLoopGroup loops =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() throws Exception {
    loops.shutdownGracefully(0, 1, SECONDS).get(1, java.util.concurrent.TimeUnit.MINUTES);
  }

  @Test
  void afterTheLastLineIsWrittenTheOutputClosesAndTheConnectionStillReads() throws Exception {
    CompletableFuture<ChannelFuture> shutdown = new CompletableFuture<>();
    CountDownLatch heardShutdown = new CountDownLatch(1);
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    CompletableFuture<Channel> accepted = new CompletableFuture<>();
    int port =
        serve(
            (ctx, event) -> {
              if (event == null) {
                accepted.complete(ctx.channel());
                ctx.writeAndFlush(ascii("200 result=1\n"))
                    .addListener(
                        written ->
                            shutdown.complete(((DuplexChannel) ctx.channel()).shutdownOutput()));
              } else if (event instanceof ChannelOutputShutdownEvent) {
                heardShutdown.countDown();
              } else if (event instanceof ByteBuf line) {
                received.add(line.toString(StandardCharsets.US_ASCII));
                line.release();
              }
            });

    try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), port)) {
      asterisk.setSoTimeout(60_000);
      InputStream in = asterisk.getInputStream();
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .as("the last line, then the end of the stream")
          .isEqualTo("200 result=1\n");
      OutputStream out = asterisk.getOutputStream();
      out.write("HANGUP\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();

      assertThat(received.poll(1, java.util.concurrent.TimeUnit.MINUTES)).isEqualTo("HANGUP\n");
      ChannelFuture done = shutdown.get(1, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(done.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      assertThat(done.isSuccess()).isTrue();
      assertThat(heardShutdown.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      Channel channel = accepted.get(1, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(channel).isInstanceOf(HalfClosingChannel.class);
      assertThat(((DuplexChannel) channel).isOutputShutdown()).isTrue();
      assertThat(((DuplexChannel) channel).isInputShutdown()).isFalse();
    }
  }

  @Test
  void withAWriteStillQueuedNettysOwnHalfCloseFailsIt() throws Exception {
    CompletableFuture<ChannelFuture> queuedWrite = new CompletableFuture<>();
    CompletableFuture<ChannelFuture> shutdown = new CompletableFuture<>();
    int port =
        serve(
            (ctx, event) -> {
              if (event == null) {
                // Written but not flushed: still queued when the output is shut.
                queuedWrite.complete(ctx.write(ascii("never sent\n")));
                shutdown.complete(((DuplexChannel) ctx.channel()).shutdownOutput());
              }
            });

    try (Socket asterisk = new Socket(InetAddress.getLoopbackAddress(), port)) {
      asterisk.setSoTimeout(60_000);
      assertThat(asterisk.getInputStream().readAllBytes()).isEmpty();
      ChannelFuture write = queuedWrite.get(1, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(write.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      assertThat(write.cause()).isInstanceOf(java.io.IOException.class);
      ChannelFuture done = shutdown.get(1, java.util.concurrent.TimeUnit.MINUTES);
      assertThat(done.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
      assertThat(done.isSuccess()).isTrue();
    }
  }

  /**
   * Listens on loopback with the engine's server channel; {@code handler} hears each accepted
   * connection once with null, then every user event and every read.
   */
  private int serve(BiConsumer<ChannelHandlerContext, Object> handler) throws Exception {
    Channel server =
        new ServerBootstrap()
            .group(loops, loops)
            .channel(AgiServerChannel.class)
            .childHandler(
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelActive(ChannelHandlerContext ctx) {
                    handler.accept(ctx, null);
                  }

                  @Override
                  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
                    handler.accept(ctx, event);
                  }

                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    handler.accept(ctx, msg);
                  }
                })
            .bind(InetAddress.getLoopbackAddress(), 0)
            .sync()
            .channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  private static ByteBuf ascii(String text) {
    return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
  }
}
