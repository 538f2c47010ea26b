package io.tabula.engine.server.guard;

import java.net.InetAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most one warning per refusal reason every ten seconds, with how many went unlogged: a scan or
 * a flood of connections must not become a flood of log lines. Runs on the accepting event loop
 * only, so it needs no locking.
 */
final class RefusalLog {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long INTERVAL = TimeUnit.SECONDS.toNanos(10);

  private final Map<Refusal, Long> nextLine = new EnumMap<>(Refusal.class);
  private final Map<Refusal, Integer> unlogged = new EnumMap<>(Refusal.class);
  private final IntSupplier callsInProgress;

  RefusalLog(IntSupplier callsInProgress) {
    this.callsInProgress = callsInProgress;
  }

  void refused(Refusal reason, Optional<InetAddress> peer, ConnectionCounts counts) {
    long now = System.nanoTime();
    Long next = nextLine.get(reason);
    if (next != null && now - next < 0) {
      unlogged.merge(reason, 1, Integer::sum);
      return;
    }
    nextLine.put(reason, now + INTERVAL);
    int more = unlogged.getOrDefault(reason, 0);
    unlogged.put(reason, 0);
    String from = peer.map(InetAddress::getHostAddress).orElse("(no IP address)");
    String suffix = more > 0 ? " (" + more + " more refused since the last line)" : "";
    switch (reason) {
      case PEER_NOT_ALLOWED ->
          LOG.warn(
              "FastAGI connection from {} refused: not in agi.allowedPeers or ami.host. If it is"
                  + " an Asterisk of yours, add its address to agi.allowedPeers{}",
              from,
              suffix);
      case ENGINE_LIMIT ->
          LOG.warn(
              "FastAGI connection from {} refused: {} connections open ({} of them calls in"
                  + " progress, the rest before their header or ending), agi.maxConnections is {};"
                  + " raise it with memory.slots or add engines{}",
              from,
              counts.open(),
              callsInProgress.getAsInt(),
              counts.totalCap(),
              suffix);
      case PEER_LIMIT ->
          LOG.warn(
              "FastAGI connection from {} refused: agi.maxConnectionsPerPeer ({}) connections"
                  + " from that address are open; raise it if that Asterisk carries more calls{}",
              from,
              counts.perPeerCap(),
              suffix);
    }
  }
}
