package io.tabula.ops.access.session;

import java.net.InetAddress;
import java.util.List;

/**
 * The IP allow-list. An account's own list, when it has one, decides alone; otherwise, when any of
 * the account's roles has a list, the address must be in one of them; with no list at all any
 * address may sign in (the console's network controls still apply).
 */
public final class AddressPolicy {

  private AddressPolicy() {}

  public static boolean allowed(
      InetAddress client, List<String> accountNetworks, List<String> roleNetworks) {
    List<String> applicable = accountNetworks.isEmpty() ? roleNetworks : accountNetworks;
    return applicable.isEmpty()
        || applicable.stream().map(Cidr::parse).anyMatch(c -> c.contains(client));
  }
}
