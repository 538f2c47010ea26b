package io.tabula.engine.server.guard;

import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open FastAGI connections in total and per source address, against their caps. {@link #admit} runs
 * on the accepting event loop; {@link #release} on whichever loop closes the connection.
 *
 * <pre>{@code
 * if (counts.admit(peer).isEmpty()) { ...; channel.closeFuture().addListener(f -> counts.release(peer)); }
 * }</pre>
 */
final class ConnectionCounts {

  private final int totalCap;
  private final int perPeerCap;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> byPeer = new ConcurrentHashMap<>();

  ConnectionCounts(int totalCap, int perPeerCap) {
    this.totalCap = totalCap;
    this.perPeerCap = perPeerCap;
  }

  /**
   * Counts one more connection from {@code peer} if both caps allow it.
   *
   * @return empty when admitted (call {@link #release} exactly once when it closes), else why not
   */
  Optional<Refusal> admit(InetAddress peer) {
    if (open.incrementAndGet() > totalCap) {
      open.decrementAndGet();
      return Optional.of(Refusal.ENGINE_LIMIT);
    }
    boolean[] admitted = {false};
    byPeer.compute(
        peer,
        (address, count) -> {
          int now = count == null ? 0 : count;
          if (now >= perPeerCap) {
            return count;
          }
          admitted[0] = true;
          return now + 1;
        });
    if (!admitted[0]) {
      open.decrementAndGet();
      return Optional.of(Refusal.PEER_LIMIT);
    }
    return Optional.empty();
  }

  /** One admitted connection from {@code peer} closed. */
  void release(InetAddress peer) {
    // Removing at zero keeps the map as small as the set of peers with open connections.
    byPeer.computeIfPresent(peer, (address, count) -> count == 1 ? null : count - 1);
    open.decrementAndGet();
  }

  int open() {
    return open.get();
  }

  int open(InetAddress peer) {
    return byPeer.getOrDefault(peer, 0);
  }

  int peers() {
    return byPeer.size();
  }

  int totalCap() {
    return totalCap;
  }

  int perPeerCap() {
    return perPeerCap;
  }
}
