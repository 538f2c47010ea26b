package io.tabula.engine.agi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * An AGI decoder and encoder in an {@link EmbeddedChannel}, recording what comes out and checking
 * that every buffer it fed in was zeroed.
 */
final class DecoderHarness {

  final EmbeddedChannel channel;
  final List<Object> messages = new ArrayList<>();
  final List<Throwable> errors = new ArrayList<>();
  private final List<ByteBuf> fed = new ArrayList<>();

  private final ByteBufAllocator allocator;

  DecoderHarness(AgiLimits limits) {
    this(limits, ByteBufAllocator.DEFAULT);
  }

  /**
   * With an allocator that Netty's paranoid leak detector does not track, for tests that decode
   * thousands of streams (tracking records a stack trace on every byte read).
   */
  static DecoderHarness untracked() {
    return new DecoderHarness(AgiLimits.defaults(), new UnpooledByteBufAllocator(true, true));
  }

  private DecoderHarness(AgiLimits limits, ByteBufAllocator allocator) {
    this.allocator = allocator;
    InFlightCommands inFlight = new InFlightCommands();
    channel = new EmbeddedChannel();
    channel.config().setAllocator(allocator);
    channel.freezeTime();
    channel
        .pipeline()
        .addLast(new AgiDecoder(limits, inFlight), new AgiCommandEncoder(inFlight), new Recorder());
  }

  DecoderHarness() {
    this(AgiLimits.defaults());
  }

  PendingCommand send(PendingCommand command) {
    channel.writeOutbound(command);
    channel.releaseOutbound();
    return command;
  }

  /** Feeds {@code bytes[from, to)} as one read, in a direct buffer we keep to check zeroing. */
  void feed(byte[] bytes, int from, int to) {
    ByteBuf buf = allocator.directBuffer(Math.max(1, to - from));
    buf.writeBytes(bytes, from, to - from);
    fed.add(buf.retain());
    channel.writeInbound(buf);
  }

  void feed(byte[] bytes) {
    feed(bytes, 0, bytes.length);
  }

  /**
   * True when every buffer fed so far is all zeros over its whole capacity (the decoder also
   * empties what it read, so its writer index says nothing); releases them.
   */
  boolean everyInputZeroedAndReleased() {
    boolean zero = true;
    for (ByteBuf buf : fed) {
      for (int i = 0; i < buf.capacity(); i++) {
        zero &= buf.getByte(i) == 0;
      }
      zero &= buf.refCnt() == 1;
      buf.release();
    }
    fed.clear();
    return zero;
  }

  /** True when the decoder left every buffer fed so far with nothing written in it. */
  boolean everyInputEmptied() {
    return fed.stream().allMatch(buf -> buf.writerIndex() == 0 && buf.readerIndex() == 0);
  }

  <T> List<T> of(Class<T> type) {
    return messages.stream().filter(type::isInstance).map(type::cast).toList();
  }

  void finish() {
    everyInputZeroedAndReleased();
    channel.finishAndReleaseAll();
  }

  private final class Recorder extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      messages.add(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      errors.add(cause);
    }
  }
}
