package io.tabula.engine.server.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelOutputShutdownEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The FastAGI port's door: a handler on the <em>server</em> channel that sees each accepted
 * connection before Netty registers it, gives it a pipeline or reads a byte. A connection from an
 * address outside the allow-list, or beyond the total or per-address cap, is closed there and then
 * (with a reset, so no socket lingers): no decoder, session, call-memory slot or virtual thread is
 * ever made for it.
 *
 * <p>Meters: {@code tabula.agi.connections.open} (gauge) and {@code
 * tabula.agi.connections.refused{reason=peer_not_allowed|engine_limit|peer_limit}} (counter). No
 * tag names a peer: an address per tag would let a scan grow the registry without bound.
 *
 * <pre>{@code
 * new ServerBootstrap().handler(new ConnectionGuard(allowList, guard.totalCap(slots),
 *     guard.perPeerCap(slots), sessions::size, registry))...
 * }</pre>
 */
@Sharable
public final class ConnectionGuard extends ChannelInboundHandlerAdapter {

  private final PeerAllowList allowList;
  private final ConnectionCounts counts;
  private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
  private final RefusalLog log;

  /**
   * @param callsInProgress the engine's calls started and not yet ended, for the refusal's log
   *     line: the connections open beyond them are ones whose call has not started (no header yet)
   *     or is ending (not yet half-closed)
   */
  public ConnectionGuard(
      PeerAllowList allowList,
      int totalCap,
      int perPeerCap,
      IntSupplier callsInProgress,
      MeterRegistry registry) {
    this.allowList = allowList;
    this.counts = new ConnectionCounts(totalCap, perPeerCap);
    this.log = new RefusalLog(callsInProgress);
    for (Refusal reason : Refusal.values()) {
      refused.put(
          reason,
          Counter.builder("tabula.agi.connections.refused")
              .tag("reason", reason.tag())
              .description("FastAGI connections closed before the engine read from them")
              .register(registry));
    }
    Gauge.builder("tabula.agi.connections.open", counts, ConnectionCounts::open)
        .description(
            "FastAGI connections the guard admitted, still open and not yet half-closed at their"
                + " call's end")
        .register(registry);
  }

  /** {@code msg} is the accepted child channel, not yet registered with an event loop. */
  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Channel child)) {
      ctx.fireChannelRead(msg);
      return;
    }
    InetAddress peer = peerOf(child);
    Optional<Refusal> refusal =
        peer == null || !allowList.allows(peer)
            ? Optional.of(Refusal.PEER_NOT_ALLOWED)
            : counts.admit(peer); // empty, a shared instance, when admitted
    if (refusal.isPresent()) {
      refuse(child, refusal.get(), Optional.ofNullable(peer));
      return;
    }
    Admission admission = new Admission(peer);
    // First in the child's pipeline, ahead of the engine's handlers, which the acceptor adds next.
    child.pipeline().addFirst(admission);
    child.closeFuture().addListener(admission);
    ctx.fireChannelRead(child);
  }

  /**
   * One admitted connection's place in the counts, given back once: when the engine half-closes the
   * connection at the call's end, or when it closes, whichever comes first. A call that ended has
   * no use for its place, and the half-closed connection closes within {@code call.closeLinger} on
   * its own (Asterisk's closing {@code HANGUP}, or the linger): counting it until then let the
   * connections of calls that had just ended fill the cap, and refuse new callers, when many calls
   * end at once on a busy loop. Both signals come on the channel's event loop, so a plain flag
   * makes the release happen once. (If Netty fails to register the child it closes it forcibly
   * without completing the close future; that happens only while the event loops shut down, when
   * the counts no longer matter.)
   *
   * <p>It overrides only {@code userEventTriggered}, so Netty skips it for reads and writes.
   */
  private final class Admission extends ChannelInboundHandlerAdapter
      implements ChannelFutureListener {

    private final InetAddress peer;
    private boolean released;

    Admission(InetAddress peer) {
      this.peer = peer;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
      if (event instanceof ChannelOutputShutdownEvent) {
        release();
      }
      ctx.fireUserEventTriggered(event);
    }

    @Override
    public void operationComplete(ChannelFuture closed) {
      release();
    }

    private void release() {
      if (!released) {
        released = true;
        counts.release(peer);
      }
    }
  }

  private void refuse(Channel child, Refusal reason, Optional<InetAddress> peer) {
    refused.get(reason).increment();
    log.refused(reason, peer, counts);
    try {
      child.config().setOption(ChannelOption.SO_LINGER, 0);
    } catch (RuntimeException e) {
      // Only the reset is lost: the close below still happens.
    }
    // Not registered, so close() would need an event loop it does not have; this is how Netty's
    // own acceptor drops a child it cannot register.
    child.unsafe().closeForcibly();
  }

  /** The peer's address, normalized, or null when the channel has none. */
  private static InetAddress peerOf(Channel child) {
    return child.remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
        ? Cidr.normalize(inet.getAddress())
        : null;
  }

  /** Connections admitted, still open and not yet half-closed at their call's end. */
  public int open() {
    return counts.open();
  }

  /** Connections counted by {@link #open()} from {@code peer}. */
  public int open(InetAddress peer) {
    return counts.open(Cidr.normalize(peer));
  }

  /** Connections refused for {@code reason} since start. */
  public long refused(Refusal reason) {
    return (long) refused.get(reason).count();
  }

  public PeerAllowList allowList() {
    return allowList;
  }
}
