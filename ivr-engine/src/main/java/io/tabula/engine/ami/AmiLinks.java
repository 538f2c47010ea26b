package io.tabula.engine.ami;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link AmiLink} per configured Asterisk, and the lookup a call session needs: which link
 * serves the Asterisk that opened this FastAGI connection.
 *
 * <p>Example:
 *
 * <pre>{@code
 * try (AmiLinks links = AmiLinks.start(config, registry)) {
 *   RecordingControl recording = links.forAgiPeer(remoteAddress).map(AmiRecordingControl::new)
 *       .orElseThrow();
 * }
 * }</pre>
 */
public final class AmiLinks implements AutoCloseable {

  private final Map<String, AmiLink> byName;

  private AmiLinks(Map<String, AmiLink> byName) {
    this.byName = byName;
  }

  /** Starts a link per endpoint; none of them blocks on its Asterisk. */
  public static AmiLinks start(AmiConfig config, MeterRegistry registry) {
    Map<String, AmiLink> links = new LinkedHashMap<>();
    for (AmiEndpoint endpoint : config.endpoints()) {
      links.put(endpoint.name(), AmiLink.start(endpoint, config.options(), registry));
    }
    return new AmiLinks(links);
  }

  public Optional<AmiLink> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The link to the Asterisk at {@code peer} (the FastAGI connection's remote address): the
   * endpoint whose host resolves to it ({@code ::1} and {@code 127.0.0.1} count as one). Also with
   * a single link a peer it does not resolve to gets none: muting "the only link" would send the
   * call's channel name to another Asterisk, where a channel of the same name (channel counters
   * restart at 1) could be muted instead and answer Success, leaving this call's recording unmuted.
   */
  public Optional<AmiLink> forAgiPeer(InetAddress peer) {
    for (AmiLink link : byName.values()) {
      if (resolvesTo(link, peer)) {
        return Optional.of(link);
      }
    }
    return Optional.empty();
  }

  private static boolean resolvesTo(AmiLink link, InetAddress peer) {
    try {
      for (InetAddress a : InetAddress.getAllByName(link.endpointHost())) {
        if (sameHost(a, peer)) {
          return true;
        }
      }
    } catch (UnknownHostException e) {
      return false;
    }
    return false;
  }

  /** Equal addresses, or IPv6 {@code ::1} and IPv4 {@code 127.0.0.1}: both are "localhost". */
  private static boolean sameHost(InetAddress a, InetAddress b) {
    return a.equals(b) || (isLocalhost(a) && isLocalhost(b));
  }

  private static boolean isLocalhost(InetAddress address) {
    return address instanceof java.net.Inet6Address
        ? address.isLoopbackAddress()
        : address.getHostAddress().equals("127.0.0.1");
  }

  /** Health of every link, in configuration order. */
  public List<AmiLinkHealth> health() {
    List<AmiLinkHealth> all = new ArrayList<>();
    for (AmiLink link : byName.values()) {
      all.add(link.health());
    }
    return all;
  }

  @Override
  public void close() {
    for (AmiLink link : byName.values()) {
      link.close();
    }
  }
}
