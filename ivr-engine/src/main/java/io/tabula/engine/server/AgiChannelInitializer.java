package io.tabula.engine.server;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelInitializer;
import io.tabula.engine.agi.AgiCommandEncoder;
import io.tabula.engine.agi.AgiDecoder;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.agi.InFlightCommands;
import io.tabula.engine.agi.LoopReadAllocator;

/**
 * The pipeline of one FastAGI connection: the decoder, then the connection handler, which also
 * encodes the commands (through an {@link AgiCommandEncoder} it holds rather than one more handler
 * in the pipeline: every handler costs each call a context of its own); and the connection's
 * buffers (pooled, read through the loop's buffer).
 *
 * <p>On NIO the engine's listening channel builds each connection's pipeline itself, where it makes
 * the channel ({@link AgiServerChannel}, {@link #prepare}): no initializer is added to the
 * pipeline, run and removed again per call. On epoll this runs as the child handler, as Netty's
 * initializer.
 */
final class AgiChannelInitializer extends ChannelInitializer<Channel> {

  private final EngineContext engine;
  private final AgiLimits limits;

  AgiChannelInitializer(EngineContext engine, AgiLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  @Override
  protected void initChannel(Channel channel) {
    prepare(channel);
  }

  /** Sets up {@code channel}'s buffers and handlers; before or after it is registered. */
  void prepare(Channel channel) {
    ChannelConfig config = channel.config();
    config.setAllocator(PooledByteBufAllocator.DEFAULT);
    config.setRecvByteBufAllocator(LoopReadAllocator.INSTANCE);
    InFlightCommands inFlight = new InFlightCommands();
    channel
        .pipeline()
        .addLast("agi-decoder", new AgiDecoder(limits, inFlight))
        .addLast(
            "agi-call",
            new AgiConnectionHandler(engine, inFlight, new AgiCommandEncoder(inFlight)));
  }
}
