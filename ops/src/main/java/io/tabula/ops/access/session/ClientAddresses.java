package io.tabula.ops.access.session;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Finds the client's address behind reverse proxies. {@code X-Forwarded-For} is read only when the
 * connection comes from a configured trusted proxy; then the header is read from the right and the
 * first address that is not a trusted proxy is the client. From anyone else the header is ignored:
 * a client cannot talk its way into an allow-list.
 */
public final class ClientAddresses {

  private final List<Cidr> trustedProxies;

  public ClientAddresses(List<Cidr> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  public InetAddress client(InetAddress peer, Optional<String> forwardedFor) {
    if (!trusted(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    String[] hops = forwardedFor.get().split(",");
    InetAddress client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      InetAddress hop;
      try {
        hop = Cidr.address(hops[i]);
      } catch (IllegalArgumentException e) {
        // A hop we cannot read ends the trusted part: the last good address is the client.
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(c -> c.contains(address));
  }
}
