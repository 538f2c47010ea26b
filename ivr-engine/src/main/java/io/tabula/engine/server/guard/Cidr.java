package io.tabula.engine.server.guard;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * One block of addresses, such as {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single {@code
 * 192.0.2.7}. IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.7}) are IPv4 addresses here, on
 * either side: a dual-stack socket may report an IPv4 caller that way, and the allow-list must
 * judge the caller, not the socket's notation.
 *
 * <pre>{@code
 * Cidr.parse("127.0.0.0/8").contains(InetAddress.getByName("::ffff:127.0.0.1")); // true
 * }</pre>
 */
public final class Cidr {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final int MAPPED_PREFIX_BITS = 96;

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
    for (int bit = prefix; bit < network.length * 8; bit++) {
      network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
  }

  /** The block of exactly this address. */
  public static Cidr of(InetAddress address) {
    byte[] bytes = normalized(address);
    return new Cidr(bytes, bytes.length * 8);
  }

  /**
   * Parses an address literal with an optional {@code /prefix}. Host names are refused: a name in
   * an allow-list would be resolved once and then trusted whatever it later pointed to.
   *
   * @throws IllegalArgumentException naming the entry and the expected form
   */
  public static Cidr parse(String text) {
    String entry = text.trim();
    int slash = entry.indexOf('/');
    String literal = slash < 0 ? entry : entry.substring(0, slash);
    boolean ipv6 = literal.indexOf(':') >= 0;
    if (!ipv6 && !IPV4.matcher(literal).matches()) {
      throw invalid(entry);
    }
    byte[] raw;
    try {
      // A literal with ':' or of the IPv4 pattern is parsed, never looked up.
      raw = InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      throw invalid(entry);
    }
    int bits = raw.length * 8;
    int prefix = slash < 0 ? (ipv6 ? 128 : bits) : prefix(entry, slash);
    if (ipv6 && raw.length == 4) {
      // Java turned ::ffff:a.b.c.d into IPv4; its prefix counts the 96 mapping bits.
      if (prefix < MAPPED_PREFIX_BITS) {
        throw new IllegalArgumentException(
            "'" + entry + "' reaches outside the IPv4-mapped range; write it as an IPv4 block");
      }
      prefix -= MAPPED_PREFIX_BITS;
    }
    if (prefix > bits) {
      throw invalid(entry);
    }
    return new Cidr(raw, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = normalized(address);
    if (bytes.length != network.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The address as the allow-list and the per-peer count see it: IPv4-mapped becomes IPv4. */
  public static InetAddress normalize(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address;
    }
    byte[] bytes = normalized(address);
    if (bytes.length == 4) {
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalStateException("4 bytes are always an IPv4 address", e);
      }
    }
    return address;
  }

  private static byte[] normalized(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && isIpv4Mapped(bytes)) {
      return Arrays.copyOfRange(bytes, 12, 16);
    }
    return bytes;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static int prefix(String entry, int slash) {
    try {
      int prefix = Integer.parseInt(entry.substring(slash + 1));
      if (prefix >= 0) {
        return prefix;
      }
    } catch (NumberFormatException e) {
      // reported below with the entry
    }
    throw invalid(entry);
  }

  private static IllegalArgumentException invalid(String entry) {
    return new IllegalArgumentException(
        "'"
            + entry
            + "' is not an address or CIDR block; write 10.0.0.0/8, 192.0.2.7 or 2001:db8::/32"
            + " (host names go in ami.host)");
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a Cidr holds 4 or 16 bytes", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefix;
  }
}
