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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty transport, in the order {@code agi.transport: auto} tries them: io_uring on Linux where
 * the kernel allows it (one {@code io_uring_enter} per event-loop round for all its sockets, where
 * NIO makes a {@code read} and a {@code write} per AGI command), then native epoll where its
 * library is on the class path, then NIO.
 *
 * <pre>{@code
 * Transport.Choice choice = Transport.choose("auto"); // IO_URING where the kernel allows it
 * Transport.Loops loops = choice.startLoops(2);       // the next one if no ring can be had
 * }</pre>
 */
public enum Transport {
  IO_URING(
      IoUring::isAvailable,
      IoUring::unavailabilityCause,
      ": a kernel too old for it, kernel.io_uring_disabled, or a seccomp profile that refuses it",
      IoUringIoHandler::newFactory,
      IoUringServerSocketChannel.class,
      IoUringSocketChannel.class,
      IoUringDatagramChannel.class),
  EPOLL(
      Epoll::isAvailable,
      Epoll::unavailabilityCause,
      "",
      EpollIoHandler::newFactory,
      EpollServerSocketChannel.class,
      EpollSocketChannel.class,
      EpollDatagramChannel.class),
  // On NIO each connection gets its pipeline where the listening channel makes it: one whose
  // connections half-close cheaply.
  NIO(
      () -> true,
      () -> null,
      "",
      NioIoHandler::newFactory,
      AgiServerChannel.class,
      NioSocketChannel.class,
      NioDatagramChannel.class);

  private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

  private final BooleanSupplier available;
  private final Supplier<Throwable> unavailabilityCause;
  private final String likelyCauses;
  private final Supplier<IoHandlerFactory> ioHandlers;
  private final Class<? extends ServerChannel> serverChannel;
  private final Class<? extends SocketChannel> clientChannel;
  private final Class<? extends DatagramChannel> datagramChannel;

  Transport(
      BooleanSupplier available,
      Supplier<Throwable> unavailabilityCause,
      String likelyCauses,
      Supplier<IoHandlerFactory> ioHandlers,
      Class<? extends ServerChannel> serverChannel,
      Class<? extends SocketChannel> clientChannel,
      Class<? extends DatagramChannel> datagramChannel) {
    this.available = available;
    this.unavailabilityCause = unavailabilityCause;
    this.likelyCauses = likelyCauses;
    this.ioHandlers = ioHandlers;
    this.serverChannel = serverChannel;
    this.clientChannel = clientChannel;
    this.datagramChannel = datagramChannel;
  }

  /** What {@code agi.transport} asked for: a transport, and whether another may stand in for it. */
  public record Choice(Transport transport, boolean fallBack) {

    /** The fix for rings that cannot be had, in the failed start's message and the fallback's. */
    private static final String RAISE_LOCKED_MEMORY =
        "raise the locked-memory limit (ulimit -l, systemd LimitMEMLOCK) by 128 KiB per event loop"
            + " (agi.ioThreads)";

    /**
     * Starts the engine's event loops. An io_uring ring is locked memory: for a process without
     * {@code CAP_IPC_LOCK} it counts against {@code RLIMIT_MEMLOCK} (64-128 KiB a loop), after the
     * call memory took its share. Where {@code auto} chose io_uring and no ring can be had, the
     * loops run on the next transport and the log says why; asked for by name, the start stops with
     * the fix.
     *
     * @throws IllegalStateException when the loops cannot start; the message says what to change
     */
    public Loops startLoops(int threads) {
      try {
        return new Loops(transport, transport.newGroup(threads));
      } catch (IllegalStateException e) {
        if (transport != IO_URING) {
          throw e;
        }
        String why = rootMessage(e);
        if (!fallBack) {
          throw new IllegalStateException(
              "cannot start the io_uring event loops ("
                  + why
                  + "); "
                  + RAISE_LOCKED_MEMORY
                  + ", or set agi.transport to auto or nio",
              e);
        }
        Transport next = firstAvailable(EPOLL);
        LOG.warn(
            "io_uring event loops could not start ({}); FastAGI runs on {} instead. For io_uring,"
                + " {}",
            why,
            next.settingName(),
            RAISE_LOCKED_MEMORY);
        return new Loops(next, next.newGroup(threads));
      }
    }
  }

  /** The event loops, and the transport they run. */
  public record Loops(Transport transport, EventLoopGroup group) {}

  /**
   * @param wanted {@code auto}, {@code io_uring}, {@code epoll} or {@code nio}, in any case
   * @throws IllegalArgumentException for another value, or {@code io_uring} or {@code epoll} where
   *     it is unavailable; the message says what to set instead
   */
  public static Choice choose(String wanted) {
    String name = wanted.toLowerCase(Locale.ROOT);
    if (name.equals("auto")) {
      return new Choice(firstAvailable(IO_URING), true);
    }
    for (Transport transport : values()) {
      if (transport.settingName().equals(name)) {
        return new Choice(transport.requireAvailable(), false);
      }
    }
    throw new IllegalArgumentException("agi.transport must be auto, io_uring, epoll or nio");
  }

  /** This transport, or the first after it in {@code auto}'s order that is available here. */
  private static Transport firstAvailable(Transport from) {
    Transport[] all = values();
    for (int i = from.ordinal(); ; i++) {
      Transport transport = all[i];
      if (transport.available.getAsBoolean()) {
        return transport; // NIO always is
      }
    }
  }

  private Transport requireAvailable() {
    if (available.getAsBoolean()) {
      return this;
    }
    StringBuilder instead = new StringBuilder("auto");
    Transport[] all = values();
    for (int i = ordinal() + 1; i < all.length; i++) {
      instead.append(i == all.length - 1 ? " or " : ", ").append(all[i].settingName());
    }
    throw new IllegalArgumentException(
        "the "
            + settingName()
            + " transport is not available here ("
            + unavailabilityCause.get().getClass().getSimpleName()
            + likelyCauses
            + "); set agi.transport to "
            + instead);
  }

  /** As {@code agi.transport} spells it. */
  public String settingName() {
    return name().toLowerCase(Locale.ROOT);
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
    return ioHandlers.get();
  }

  /** The engine's listening channel. */
  public Class<? extends ServerChannel> serverChannel() {
    return serverChannel;
  }

  public Class<? extends SocketChannel> clientChannel() {
    return clientChannel;
  }

  /** UDP, for the virtual PBX's DNS lookups ({@code hagi://}). */
  public Class<? extends DatagramChannel> datagramChannel() {
    return datagramChannel;
  }
}
