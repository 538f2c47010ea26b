package io.tabula.engine.server.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The address blocks that may open FastAGI connections: the configured ones plus every address the
 * configured Asterisks ({@code ami.host}) resolve to when the engine starts.
 *
 * <pre>{@code
 * PeerAllowList allowed = PeerAllowList.of(config.allowedPeers(), List.of("pbx1.example"), log::warn);
 * allowed.allows(peerAddress);
 * }</pre>
 */
public final class PeerAllowList {

  private final List<Cidr> blocks;

  private PeerAllowList(List<Cidr> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * @param asteriskHosts the host of every {@code ami.host} entry; resolved now, once
   * @param unresolved told about each host that does not resolve: its calls will be refused
   */
  public static PeerAllowList of(
      List<Cidr> configured, List<String> asteriskHosts, Consumer<String> unresolved) {
    List<Cidr> blocks = new ArrayList<>(configured);
    for (String host : asteriskHosts) {
      try {
        for (InetAddress address : InetAddress.getAllByName(host)) {
          Cidr block = Cidr.of(address);
          if (!blocks.contains(block)) {
            blocks.add(block);
          }
        }
      } catch (UnknownHostException e) {
        unresolved.accept(host);
      }
    }
    return new PeerAllowList(blocks);
  }

  public boolean allows(InetAddress peer) {
    for (Cidr block : blocks) {
      if (block.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  public List<Cidr> blocks() {
    return blocks;
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  @Override
  public String toString() {
    return blocks.toString();
  }
}
