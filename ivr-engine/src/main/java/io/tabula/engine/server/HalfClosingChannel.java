package io.tabula.engine.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelOutputShutdownEvent;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Executor;

/**
 * An accepted AGI connection on the NIO transport whose half-close costs no exception. Netty's
 * {@code shutdownOutput} makes a {@code ChannelOutputShutdownException}, stack trace included, on
 * every call, to fail the writes still queued; ending a call always half-closes (the engine then
 * reads Asterisk's closing {@code HANGUP} line before it closes, fixtures README observation 5), so
 * that was 1.3-1.6 % of the CPU per call under load. When nothing is queued (the call's last
 * command was written out, as it is when a call ends) this does what Netty would, without the
 * exception: the socket's output is shut ({@code shutdown(SHUT_WR)}, the same one syscall), the
 * pipeline hears {@link ChannelOutputShutdownEvent}, the promise succeeds. A write after it fails
 * with the socket's own error, an {@link IOException} as with Netty. With writes still queued, or
 * off the event loop, Netty's own path runs.
 *
 * <p>Its close also reads no socket option: Netty's NIO channel asks the socket for {@code
 * SO_LINGER} on every close (a {@code getsockopt} per call), to close off the event loop a socket
 * that lingers, since such a close blocks. The engine never sets {@code SO_LINGER} on an admitted
 * connection (the guard sets it, to 0, only on a connection it refuses and closes forcibly, which
 * does not pass here), so the close always runs on the loop, as it did.
 */
final class HalfClosingChannel extends NioSocketChannel {

  HalfClosingChannel(Channel parent, SocketChannel socket) {
    super(parent, socket);
  }

  @Override
  protected AbstractNioUnsafe newUnsafe() {
    return new NioByteUnsafe() {
      @Override
      protected Executor prepareToClose() {
        return null; // close here, on the event loop: the socket never lingers
      }
    };
  }

  @Override
  public ChannelFuture shutdownOutput(ChannelPromise promise) {
    ChannelOutboundBuffer queued = unsafe().outboundBuffer();
    // Not isEmpty(): that counts flushed writes only; a write not yet flushed is queued too.
    if (!eventLoop().inEventLoop()
        || queued == null
        || queued.totalPendingWriteBytes() != 0
        || !isActive()) {
      return super.shutdownOutput(promise);
    }
    try {
      javaChannel().shutdownOutput();
    } catch (IOException | RuntimeException e) {
      // Netty's own path reports the failure and fails what is queued: let it.
      return super.shutdownOutput(promise);
    }
    promise.trySuccess();
    pipeline().fireUserEventTriggered(ChannelOutputShutdownEvent.INSTANCE);
    return promise;
  }
}
