package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * The engine no longer sets {@code TCP_NODELAY} as a child option (one {@code setsockopt} per call
 * less): it relies on Netty's socket config setting it on every connection it wraps. This checks
 * that on the connection the engine's NIO listener makes, reading the real socket option.
 */
class AcceptedSocketOptionsTest {

  @Test
  void anAcceptedConnectionSendsWithoutNagleDelay() throws Exception {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (SocketChannel asterisk = SocketChannel.open(listener.getLocalAddress());
          SocketChannel accepted = listener.accept()) {
        assertThat(accepted.getOption(StandardSocketOptions.TCP_NODELAY)).isFalse();

        HalfClosingChannel channel = new HalfClosingChannel(null, accepted);

        assertThat(accepted.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
        assertThat(channel.isActive()).isTrue();
        assertThat(asterisk.isConnected()).isTrue();
      }
    }
  }
}
