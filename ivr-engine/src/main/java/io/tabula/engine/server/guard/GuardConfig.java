package io.tabula.engine.server.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Who may open FastAGI connections and how many may be open: the settings {@code agi.allowedPeers},
 * {@code agi.maxConnections} and {@code agi.maxConnectionsPerPeer}.
 *
 * <pre>{@code
 * GuardConfig guard = GuardConfig.defaults().withAllowedPeers("10.0.5.0/24");
 * }</pre>
 *
 * @param allowedPeers address blocks that may connect; the addresses every {@code ami.host} entry
 *     resolves to at start-up are added to them (default loopback: {@code 127.0.0.0/8, ::1})
 * @param maxConnections open FastAGI connections in total; 0 means {@code memory.slots} plus 25 %
 *     (at least 64), so that callers beyond the slots still hear "please call back". A connection
 *     counts until its close completes, which on io_uring is a round of the event loop after the
 *     peer's close: at 200 calls on 216 slots a 10 % margin refused up to 0.6 % of the calls there.
 * @param maxConnectionsPerPeer open connections from one address; 0 means the total, so that one
 *     Asterisk alone can still tell its callers beyond the slots "please call back"; set it lower
 *     when several Asterisks share an engine
 */
public record GuardConfig(List<Cidr> allowedPeers, int maxConnections, int maxConnectionsPerPeer) {

  public static final String DEFAULT_ALLOWED_PEERS = "127.0.0.0/8, ::1";

  public GuardConfig {
    allowedPeers = List.copyOf(allowedPeers);
    if (maxConnections < 0) {
      throw new IllegalArgumentException(
          "agi.maxConnections must be 0 (memory.slots plus 25 %) or more");
    }
    if (maxConnectionsPerPeer < 0) {
      throw new IllegalArgumentException(
          "agi.maxConnectionsPerPeer must be 0 (the same as agi.maxConnections) or more");
    }
    if (maxConnections > 0 && maxConnectionsPerPeer > maxConnections) {
      throw new IllegalArgumentException(
          "agi.maxConnectionsPerPeer is above agi.maxConnections; lower it or raise the total");
    }
  }

  public static GuardConfig defaults() {
    return new GuardConfig(parsePeers(DEFAULT_ALLOWED_PEERS), 0, 0);
  }

  /** Parses a comma-separated list of address blocks; an empty text is an empty list. */
  public static List<Cidr> parsePeers(String text) {
    List<Cidr> blocks = new ArrayList<>();
    for (String entry : text.split(",")) {
      if (!entry.isBlank()) {
        try {
          blocks.add(Cidr.parse(entry));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("agi.allowedPeers: " + e.getMessage(), e);
        }
      }
    }
    return blocks;
  }

  public GuardConfig withAllowedPeers(String peers) {
    return new GuardConfig(parsePeers(peers), maxConnections, maxConnectionsPerPeer);
  }

  public GuardConfig withLimits(int total, int perPeer) {
    return new GuardConfig(allowedPeers, total, perPeer);
  }

  /** The total cap for a pool of {@code slots}. */
  public int totalCap(int slots) {
    return maxConnections > 0 ? maxConnections : slots + Math.max(64, slots / 4);
  }

  /** The per-peer cap for a pool of {@code slots}, never above the total. */
  public int perPeerCap(int slots) {
    int total = totalCap(slots);
    return maxConnectionsPerPeer > 0 ? Math.min(maxConnectionsPerPeer, total) : total;
  }
}
