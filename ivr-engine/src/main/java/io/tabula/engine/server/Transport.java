package io.tabula.engine.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
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
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport: io_uring on Linux where the kernel allows it (one {@code io_uring_enter} per
 * event-loop round for all its sockets, where NIO makes a {@code read} and a {@code write} per AGI
 * command), else native epoll where its library is on the class path, else NIO.
 *
 * <pre>{@code
 * Transport transport = Transport.choose("auto"); // IO_URING where the kernel allows it
 * }</pre>
 */
public enum Transport {
  EPOLL,
  IO_URING,
  NIO;

  /**
   * @param wanted {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}
   * @throws IllegalArgumentException for another value, or {@code io_uring} or {@code epoll} where
   *     it is unavailable
   */
  public static Transport choose(String wanted) {
    return switch (wanted.toLowerCase(Locale.ROOT)) {
      case "auto" -> IoUring.isAvailable() ? IO_URING : Epoll.isAvailable() ? EPOLL : NIO;
      case "nio" -> NIO;
      case "io_uring" -> {
        if (!IoUring.isAvailable()) {
          throw new IllegalArgumentException(
              "the io_uring transport is not available here ("
                  + IoUring.unavailabilityCause().getClass().getSimpleName()
                  + ": a kernel too old for it, kernel.io_uring_disabled, or a seccomp profile that"
                  + " refuses it); set agi.transport to auto, epoll or nio");
        }
        yield IO_URING;
      }
      case "epoll" -> {
        if (!Epoll.isAvailable()) {
          throw new IllegalArgumentException(
              "the epoll transport is not available here ("
                  + Epoll.unavailabilityCause().getClass().getSimpleName()
                  + "); set agi.transport to auto or nio");
        }
        yield EPOLL;
      }
      default ->
          throw new IllegalArgumentException("agi.transport must be auto, io_uring, epoll or nio");
    };
  }

  /** The event loops, and the transport they run: {@link #startLoops}. */
  public record Loops(Transport transport, EventLoopGroup group) {}

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  /**
   * Starts the engine's event loops on this transport. An io_uring ring is locked memory: for a
   * process without {@code CAP_IPC_LOCK} it counts against {@code RLIMIT_MEMLOCK} (64-128 KiB a
   * loop), after the call memory took its share. Where {@code auto} chose io_uring and no ring can
   * be had, the loops run on the next transport and the log says why; asked for by name, the start
   * stops with the fix.
   *
   * @param fallBack whether another transport may serve instead ({@code agi.transport: auto})
   * @throws IllegalStateException when the loops cannot start; the message says what to change
   */
  public Loops startLoops(int threads, boolean fallBack) {
    try {
      return new Loops(this, newGroup(threads));
    } catch (IllegalStateException e) {
      if (this != IO_URING) {
        throw e;
      }
      String why = rootMessage(e);
      if (!fallBack) {
        throw new IllegalStateException(
            "cannot start the io_uring event loops ("
                + why
                + "); raise the locked-memory limit (ulimit -l, systemd LimitMEMLOCK) by 128 KiB per"
                + " event loop (agi.ioThreads), or set agi.transport to auto or nio",
            e);
      }
      Transport next = Epoll.isAvailable() ? EPOLL : NIO;
      LOG.warn(
          "io_uring event loops could not start ({}); FastAGI runs on {} instead. For io_uring,"
              + " raise the locked-memory limit (ulimit -l, systemd LimitMEMLOCK) by 128 KiB per"
              + " event loop (agi.ioThreads)",
          why,
          next.name().toLowerCase(Locale.ROOT));
      return new Loops(next, next.newGroup(threads));
    }
  }

  private EventLoopGroup newGroup(int threads) {
    return new MultiThreadIoEventLoopGroup(
        threads, new DefaultThreadFactory("agi-io"), ioHandlerFactory());
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }

  public IoHandlerFactory ioHandlerFactory() {
    return switch (this) {
      case EPOLL -> EpollIoHandler.newFactory();
      case IO_URING -> IoUringIoHandler.newFactory();
      case NIO -> NioIoHandler.newFactory();
    };
  }

  /** The engine's listening channel; on NIO, one whose connections half-close cheaply. */
  public Class<? extends ServerChannel> serverChannel() {
    return switch (this) {
      case EPOLL -> EpollServerSocketChannel.class;
      case IO_URING -> IoUringServerSocketChannel.class;
      case NIO -> AgiServerChannel.class;
    };
  }

  public Class<? extends SocketChannel> clientChannel() {
    return switch (this) {
      case EPOLL -> EpollSocketChannel.class;
      case IO_URING -> IoUringSocketChannel.class;
      case NIO -> NioSocketChannel.class;
    };
  }

  /** UDP, for the virtual PBX's DNS lookups ({@code hagi://}). */
  public Class<? extends DatagramChannel> datagramChannel() {
    return switch (this) {
      case EPOLL -> EpollDatagramChannel.class;
      case IO_URING -> IoUringDatagramChannel.class;
      case NIO -> NioDatagramChannel.class;
    };
  }
}
