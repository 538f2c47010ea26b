package io.tabula.engine.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.tabula.engine.agi.AgiCommandEncoder;
import io.tabula.engine.agi.AgiDecoder;
import io.tabula.engine.agi.AgiLimits;
import io.tabula.engine.agi.InFlightCommands;

/**
 * The pipeline of one FastAGI connection: the decoder, then the connection handler, which also
 * encodes the commands (through an {@link AgiCommandEncoder} it holds rather than one more handler
 * in the pipeline: every handler costs each call a context of its own).
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
    InFlightCommands inFlight = new InFlightCommands();
    channel
        .pipeline()
        .addLast("agi-decoder", new AgiDecoder(limits, inFlight))
        .addLast(
            "agi-call",
            new AgiConnectionHandler(engine, inFlight, new AgiCommandEncoder(inFlight)));
  }
}
