package io.tabula.engine.server;

import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's NIO listening channel: accepts connections as {@link HalfClosingChannel}s, whose
 * half-close at the end of a call makes no exception.
 */
public final class AgiServerChannel extends NioServerSocketChannel {

  private static final Logger LOG = LoggerFactory.getLogger(AgiServerChannel.class);

  @Override
  protected int doReadMessages(List<Object> accepted) throws Exception {
    // Non-blocking: null when no connection is waiting.
    SocketChannel socket = javaChannel().accept();
    if (socket == null) {
      return 0;
    }
    try {
      accepted.add(new HalfClosingChannel(this, socket));
      return 1;
    } catch (RuntimeException e) {
      LOG.warn(
          "could not set up an accepted connection ({}); closed it, and Asterisk ends that call",
          e.getClass().getSimpleName());
      socket.close();
      return 0;
    }
  }
}
