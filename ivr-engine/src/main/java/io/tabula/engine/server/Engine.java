package io.tabula.engine.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.engine.config.AmiTarget;
import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.server.guard.ConnectionGuard;
import io.tabula.engine.server.guard.GuardConfig;
import io.tabula.engine.server.guard.PeerAllowList;
import io.tabula.engine.session.EngineMetrics;
import io.tabula.flows.port.CallHandlers;
import io.tabula.masking.memory.CallMemoryMetrics;
import io.tabula.masking.memory.CallMemoryPool;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running FastAGI engine: the call-memory pool, the Netty server and the calls in flight.
 *
 * <pre>{@code
 * try (Engine engine = Engine.start(config, handlers, recordingControl, registry)) {
 *   engine.awaitShutdown(); // until shutdown() from a signal handler
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineConfig config;
  private final CallMemoryPool pool;
  private final EngineMetrics metrics;
  private final SessionRegistry sessions;
  private final ReplySweeper sweeper;
  private final EventLoopGroup loops;
  private final Channel serverChannel;
  private final Transport transport;
  private final ConnectionGuard guard;
  private final AtomicBoolean stopped;
  private final java.util.concurrent.CountDownLatch terminated =
      new java.util.concurrent.CountDownLatch(1);

  private Engine(
      EngineConfig config,
      CallMemoryPool pool,
      EngineMetrics metrics,
      SessionRegistry sessions,
      ReplySweeper sweeper,
      EventLoopGroup loops,
      Channel serverChannel,
      Transport transport,
      ConnectionGuard guard,
      AtomicBoolean stopped) {
    this.config = config;
    this.stopped = stopped;
    this.pool = pool;
    this.metrics = metrics;
    this.sessions = sessions;
    this.sweeper = sweeper;
    this.loops = loops;
    this.serverChannel = serverChannel;
    this.transport = transport;
    this.guard = guard;
  }

  /**
   * Reserves the call memory, binds the FastAGI port and starts taking calls.
   *
   * @throws EngineStartException when the OS refuses a memory protection that {@code
   *     memory.protections} requires (before the port is bound), or the bind fails; the message
   *     says what to change
   */
  public static Engine start(
      EngineConfig config,
      CallHandlers handlers,
      RecordingControl recording,
      MeterRegistry registry) {
    Transport.Choice chosen = Transport.choose(config.transport());
    PeerAllowList allowed = allowList(config);
    CallMemoryPool pool = CallMemoryPool.open(config.memory());
    Optional<String> unprotected =
        MemoryProtectionCheck.refusal(
            config.safeguards().memoryProtections(), config.memory(), pool.protections());
    if (unprotected.isPresent()) {
      pool.close();
      throw new EngineStartException(unprotected.get(), null);
    }
    new CallMemoryMetrics(pool).bindTo(registry);
    HeapTarget.apply(config.memory().slots());
    SessionRegistry sessions = new SessionRegistry();
    ConnectionGuard guard = guard(config, allowed, sessions, registry);
    EngineMetrics metrics = new EngineMetrics(registry);
    AtomicBoolean stopped = new AtomicBoolean();
    sessions.countInto(new CapacityMetrics(registry, pool, stopped::get));
    EngineContext context =
        new EngineContext(handlers, pool, metrics, config.call(), recording, sessions);
    // One group accepts and serves: a separate accept thread only added a thread hand-off (and a
    // wake-up) per call on a machine with few cores. After the call memory: its lock is a
    // protection, the rings' only speed.
    Transport.Loops started;
    try {
      started = chosen.startLoops(ioThreads(config));
    } catch (IllegalStateException e) {
      pool.close();
      throw new EngineStartException(e.getMessage(), e);
    }
    Transport transport = started.transport();
    EventLoopGroup loops = started.group();
    try {
      // The connections' buffers are set with their pipeline (AgiChannelInitializer), not as
      // child options. No TCP_NODELAY option: Netty's socket config sets it on every accepted
      // socket already (both transports), and the option set it a second time, one more
      // setsockopt per call (EngineChannelOptionsTest checks it is on).
      AgiChannelInitializer pipelines = new AgiChannelInitializer(context, config.limits());
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(loops, loops)
              .option(ChannelOption.SO_BACKLOG, 4096)
              .childHandler(pipelines);
      if (transport == Transport.NIO) {
        // Each connection gets its pipeline where the listening channel makes it.
        bootstrap
            .channelFactory(() -> new AgiServerChannel(pipelines))
            .handler(AgiServerChannel.handlers(guard, loops));
      } else {
        bootstrap.channel(transport.serverChannel()).handler(guard);
      }
      Channel server = bootstrap.bind(config.address(), config.port()).sync().channel();
      ReplySweeper sweeper = ReplySweeper.start(sessions, ReplySweeper.PERIOD);
      return new Engine(
          config, pool, metrics, sessions, sweeper, loops, server, transport, guard, stopped);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cleanUp(loops, pool);
      throw new EngineStartException(
          "interrupted while binding " + config.address() + ":" + config.port(), e);
    } catch (Exception e) {
      // sync() rethrows the bind's checked exception undeclared (BindException, or a native
      // transport's IOException saying "Address already in use"), hence Exception.
      cleanUp(loops, pool);
      throw new EngineStartException(bindFailure(config, e), e);
    }
  }

  /** One line: where, why, which setting to change. */
  private static String bindFailure(EngineConfig config, Exception e) {
    String where = "cannot listen for FastAGI on " + config.address() + ":" + config.port() + ": ";
    String message = String.valueOf(e.getMessage());
    if (message.contains("in use")) {
      return where
          + "the port is in use (another engine or program listens there); stop it, or set"
          + " agi.port (TABULA_AGI_PORT) to a free port";
    }
    if (e instanceof java.net.BindException) {
      return where
          + message
          + "; set agi.address (TABULA_AGI_ADDRESS) to an address of this machine, or agi.port"
          + " (TABULA_AGI_PORT) to a port this user may open";
    }
    return where
        + e.getClass().getSimpleName()
        + "; check agi.address and agi.port (TABULA_AGI_ADDRESS, TABULA_AGI_PORT)";
  }

  /**
   * Who may open FastAGI connections: {@code agi.allowedPeers} plus the addresses of every Asterisk
   * in {@code ami.host}, resolved now. Refuses to start when no address at all may connect, rather
   * than run an engine no Asterisk can reach.
   */
  private static PeerAllowList allowList(EngineConfig config) {
    PeerAllowList allowed =
        PeerAllowList.of(
            config.guard().allowedPeers(),
            config.ami().targets().stream().map(AmiTarget::host).toList(),
            host ->
                LOG.warn(
                    "ami.host '{}' does not resolve: FastAGI connections from it are refused until"
                        + " the engine restarts; put its address in agi.allowedPeers",
                    host));
    if (allowed.isEmpty()) {
      throw new EngineStartException(
          "no address may open FastAGI connections: agi.allowedPeers is empty and ami.host names"
              + " no Asterisk that resolves; set agi.allowedPeers (TABULA_AGI_ALLOWED_PEERS) to"
              + " your Asterisks' addresses",
          null);
    }
    return allowed;
  }

  /** The door of the FastAGI port: the allow-list and the connection caps, with their meters. */
  private static ConnectionGuard guard(
      EngineConfig config,
      PeerAllowList allowed,
      SessionRegistry sessions,
      MeterRegistry registry) {
    GuardConfig settings = config.guard();
    int slots = config.memory().slots();
    LOG.info(
        "FastAGI accepts connections from {}; at most {} open, {} per address",
        allowed,
        settings.totalCap(slots),
        settings.perPeerCap(slots));
    return new ConnectionGuard(
        allowed, settings.totalCap(slots), settings.perPeerCap(slots), sessions::size, registry);
  }

  /**
   * {@code agi.ioThreads}, with 0 meaning one per core as documented. (Netty's own default for 0 is
   * two per core, which on a small machine only adds threads to wake and switch between.)
   */
  static int ioThreads(EngineConfig config) {
    return config.ioThreads() > 0 ? config.ioThreads() : Runtime.getRuntime().availableProcessors();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) serverChannel.localAddress();
  }

  public Transport transport() {
    return transport;
  }

  public CallMemoryPool pool() {
    return pool;
  }

  /** The FastAGI port's door: open connections and refusals. */
  public ConnectionGuard guard() {
    return guard;
  }

  public EngineMetrics metrics() {
    return metrics;
  }

  /**
   * Whether the FastAGI port takes new connections: false from the moment a shutdown (drain) began.
   */
  public boolean accepting() {
    return !stopped.get() && serverChannel.isActive();
  }

  /**
   * Whether every event loop runs a no-op task within {@code bound}: a loop that is stuck (a
   * blocking call, a dead lock) cannot serve its calls, and only a restart frees them.
   *
   * @return the loops that did not answer in time, as reasons; empty when all answered
   */
  public List<String> eventLoopsNotAnswering(Duration bound) {
    List<String> late = new ArrayList<>();
    long end = System.nanoTime() + bound.toNanos();
    int index = 0;
    for (EventExecutor loop : loops) {
      try {
        loop.submit(() -> {}).get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        late.add("event loop " + index + " did not answer within " + bound.toMillis() + " ms");
      } catch (ExecutionException | RejectedExecutionException e) {
        late.add("event loop " + index + " is shut down");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        late.add("interrupted while asking event loop " + index);
      }
      index++;
    }
    return late;
  }

  /** The event loops, for tests that need to hold one up. */
  EventLoopGroup loops() {
    return loops;
  }

  public int activeCalls() {
    return sessions.size();
  }

  /**
   * Stops accepting, lets running calls finish until {@code deadline}, then zeroes and closes the
   * rest and frees the pool. Safe to call more than once and from any thread.
   */
  public void shutdown(Duration deadline) {
    drain(deadline, Duration.ZERO);
  }

  /**
   * Graceful drain, for SIGTERM: closes the FastAGI listener (new connections are refused, {@link
   * #accepting} turns false at once), lets running calls finish until {@code drainTimeout}, then
   * sends the rest through their flow's error path (apology, transfer to an agent where the flow
   * says so; memory zeroed once) and gives them {@code errorPathGrace}; whatever still runs then is
   * ended (zeroed, closed). Frees the pool. Safe to call more than once and from any thread.
   */
  public void drain(Duration drainTimeout, Duration errorPathGrace) {
    if (!stopped.compareAndSet(false, true)) {
      awaitShutdown();
      return;
    }
    try {
      serverChannel.close().syncUninterruptibly();
      LOG.info(
          "Draining: FastAGI listener closed, no new calls; {} call(s) in progress get up to {} s"
              + " (drain.timeout) to finish",
          sessions.size(),
          drainTimeout.toSeconds());
      SessionRegistry.DrainResult result = sessions.drain(drainTimeout, errorPathGrace);
      if (result.errorPath() > 0 && errorPathGrace.isZero()) {
        LOG.warn(
            "Shutdown deadline reached: {} call(s) were ended and their memory zeroed",
            result.cut());
      } else if (result.errorPath() > 0) {
        LOG.warn(
            "Drain done: {} call(s) outlasted drain.timeout and took their flow's error path, {} of"
                + " them cut off after {} s more (shutdown.deadline); raise drain.timeout if calls"
                + " should finish on their own",
            result.errorPath(),
            result.cut(),
            errorPathGrace.toSeconds());
      }
      loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sessions.cutAll();
    } finally {
      sweeper.close();
      pool.close();
      terminated.countDown();
      LOG.info("Engine stopped");
    }
  }

  /** Blocks until {@link #shutdown} finished. */
  public void awaitShutdown() {
    try {
      terminated.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(config.shutdownDeadline());
  }

  private static void cleanUp(EventLoopGroup loops, CallMemoryPool pool) {
    loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    pool.close();
  }
}
