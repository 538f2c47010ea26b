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

  /**
   * Set by {@link #countIfRoom} inside {@link #admit}, which holds this object's lock: one shared
   * function and a flag instead of a capturing lambda and a flag array per connection.
   */
  private boolean admitted;

  private final java.util.function.BiFunction<InetAddress, Integer, Integer> countIfRoom =
      this::countIfRoom;

  ConnectionCounts(int totalCap, int perPeerCap) {
    this.totalCap = totalCap;
    this.perPeerCap = perPeerCap;
  }

  /**
   * Counts one more connection from {@code peer} if both caps allow it.
   *
   * @return empty when admitted (call {@link #release} exactly once when it closes), else why not
   */
  synchronized Optional<Refusal> admit(InetAddress peer) {
    if (open.incrementAndGet() > totalCap) {
      open.decrementAndGet();
      return Optional.of(Refusal.ENGINE_LIMIT);
    }
    admitted = false;
    byPeer.compute(peer, countIfRoom);
    if (!admitted) {
      open.decrementAndGet();
      return Optional.of(Refusal.PEER_LIMIT);
    }
    return Optional.empty();
  }

  /** Under {@link #admit}'s lock: one more for the peer if its cap allows, and says so. */
  private Integer countIfRoom(InetAddress address, Integer count) {
    int now = count == null ? 0 : count;
    if (now >= perPeerCap) {
      return count;
    }
    admitted = true;
    return now + 1;
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
