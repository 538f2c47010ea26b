package io.tabula.engine.agi;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Over a real loopback connection, every read lands in the event loop's reusable buffer: the
 * channel's allocator hands out no buffer per read, the bytes arrive whole and in order, and the
 * buffer a handler zeroed and released is the one the next read gets.
 */
class LoopReadAllocatorTest {

  private static final int LINES = 200;

  @Test
  void readsTakeNoBufferOfTheChannelsAllocatorAndArriveWhole() throws Exception {
    CountingAllocator allocator = new CountingAllocator();
    Reader reader = new Reader(expected().length);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel server =
          new ServerBootstrap()
              .group(loop)
              .channel(NioServerSocketChannel.class)
              .childOption(ChannelOption.ALLOCATOR, allocator)
              .childOption(ChannelOption.RECVBUF_ALLOCATOR, LoopReadAllocator.INSTANCE)
              .childHandler(reader)
              .bind(InetAddress.getLoopbackAddress(), 0)
              .sync()
              .channel();
      try (Socket client = new Socket()) {
        client.connect((InetSocketAddress) server.localAddress(), 10_000);
        client.setTcpNoDelay(true);
        OutputStream out = client.getOutputStream();
        for (int i = 0; i < LINES; i++) {
          out.write(line(i));
          out.flush();
        }
        assertThat(reader.done.get(1, TimeUnit.MINUTES)).isEqualTo(expected());
      } finally {
        server.close().sync();
      }
    } finally {
      loop.shutdownGracefully(0, 10, TimeUnit.SECONDS).sync();
    }
    assertThat(reader.reads.get()).isPositive();
    assertThat(allocator.buffers()).as("buffers the channel's allocator handed out").isZero();
    assertThat(reader.notReused.get()).as("reads that got another buffer than the last").isZero();
  }

  private static byte[] line(int i) {
    return ("200 result=" + i + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] expected() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int i = 0; i < LINES; i++) {
      all.writeBytes(line(i));
    }
    return all.toByteArray();
  }

  /** Copies what it reads, zeroes and releases each read as the AGI decoder does. */
  @io.netty.channel.ChannelHandler.Sharable
  private static final class Reader extends ChannelInboundHandlerAdapter {

    final CompletableFuture<byte[]> done = new CompletableFuture<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger notReused = new AtomicInteger();
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
    private final int total;
    private ByteBuf last;

    Reader(int total) {
      this.total = total;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      reads.incrementAndGet();
      if (last != null && last != in) {
        notReused.incrementAndGet();
      }
      last = in;
      byte[] bytes = new byte[in.readableBytes()];
      in.readBytes(bytes);
      seen.writeBytes(bytes);
      in.setZero(0, in.writerIndex());
      in.release();
      if (seen.size() >= total) {
        done.complete(seen.toByteArray());
      }
    }
  }
}
