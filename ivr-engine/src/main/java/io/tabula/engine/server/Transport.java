package io.tabula.engine.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.Locale;

/**
 * The Netty transport: native epoll on Linux when its library loads, NIO otherwise.
 *
 * <pre>{@code
 * Transport transport = Transport.choose("auto"); // EPOLL on Linux x86-64
 * }</pre>
 */
public enum Transport {
  EPOLL,
  NIO;

  /**
   * @param wanted {@code auto}, {@code epoll} or {@code nio}
   * @throws IllegalArgumentException for another value, or {@code epoll} where it is unavailable
   */
  public static Transport choose(String wanted) {
    return switch (wanted.toLowerCase(Locale.ROOT)) {
      case "auto" -> Epoll.isAvailable() ? EPOLL : NIO;
      case "nio" -> NIO;
      case "epoll" -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalArgumentException(
              "the epoll transport is not available here ("
                  + Epoll.unavailabilityCause().getClass().getSimpleName()
                  + "); set agi.transport to auto or nio");
        }
        yield EPOLL;
      }
      default -> throw new IllegalArgumentException("agi.transport must be auto, epoll or nio");
    };
  }

  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  /** The engine's listening channel; on NIO, one whose connections half-close cheaply. */
  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : AgiServerChannel.class;
  }

  public Class<? extends SocketChannel> clientChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  /** UDP, for the virtual PBX's DNS lookups ({@code hagi://}). */
  public Class<? extends DatagramChannel> datagramChannel() {
    return this == EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }
}
