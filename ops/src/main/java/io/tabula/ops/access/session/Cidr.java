package io.tabula.ops.access.session;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR form ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); a bare
 * address is a /32 or /128. Parsed without DNS: only literals are accepted.
 */
public record Cidr(byte[] network, int prefix, String text) {

  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

  public static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address, text);
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw invalid(text);
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw invalid(text);
      }
    }
    return new Cidr(mask(bytes, prefix), prefix, trimmed);
  }

  /** Parses an address literal (no DNS). */
  public static InetAddress address(String literal) {
    try {
      return InetAddress.getByAddress(literal(literal.strip(), literal));
    } catch (UnknownHostException e) {
      throw invalid(literal);
    }
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == network.length && java.util.Arrays.equals(mask(bytes, prefix), network);
  }

  private static byte[] literal(String address, String original) {
    if (!LITERAL.matcher(address).matches()) {
      throw invalid(original);
    }
    try {
      return InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException e) {
      throw invalid(original);
    }
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] masked = bytes.clone();
    for (int i = 0; i < masked.length; i++) {
      int bits = Math.max(0, Math.min(8, prefix - i * 8));
      masked[i] &= (byte) (0xff << (8 - bits));
    }
    return masked;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not an IP address or CIDR; write e.g. 203.0.113.0/24 or 2001:db8::/32");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
