package io.tabula.engine.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One Asterisk named in {@code ami.host}: its manager host and port, and the name it goes by in
 * health output, metrics and logs (the host, or {@code host:port} when the host is listed twice).
 *
 * <p>{@code ami.host} takes a comma-separated list, so one engine can serve several Asterisks:
 * {@code pbx1.example, pbx2.example:5039, [2001:db8::5]:5038}. Entries without a port use {@code
 * ami.port}.
 */
public record AmiTarget(String name, String host, int port) {

  /** Parses {@code ami.host}; an empty value means no AMI link. */
  public static List<AmiTarget> parse(String hosts, int defaultPort) {
    List<AmiTarget> targets = new ArrayList<>();
    Set<String> hostsSeen = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (String entry : hosts.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      AmiTarget parsed = parseOne(trimmed, defaultPort);
      String name = hostsSeen.add(parsed.host) ? parsed.host : parsed.host + ":" + parsed.port;
      if (!names.add(name)) {
        throw new ConfigException(
            "ami.host lists " + name + " twice; name each Asterisk once in ami.host");
      }
      targets.add(new AmiTarget(name, parsed.host, parsed.port));
    }
    return List.copyOf(targets);
  }

  private static AmiTarget parseOne(String entry, int defaultPort) {
    String host = entry;
    String port = null;
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      if (close < 0) {
        throw new ConfigException(
            "ami.host entry '"
                + entry
                + "' opens '[' without ']'; write IPv6 as [2001:db8::5]:5038");
      }
      host = entry.substring(1, close);
      String rest = entry.substring(close + 1);
      port = rest.startsWith(":") ? rest.substring(1) : null;
    } else if (entry.indexOf(':') >= 0 && entry.indexOf(':') == entry.lastIndexOf(':')) {
      host = entry.substring(0, entry.indexOf(':'));
      port = entry.substring(entry.indexOf(':') + 1);
    }
    return new AmiTarget(host, host, port == null ? defaultPort : port(entry, port));
  }

  private static int port(String entry, String text) {
    try {
      int port = Integer.parseInt(text.trim());
      if (port >= 1 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below with the entry
    }
    throw new ConfigException(
        "ami.host entry '" + entry + "' has no valid port; write host or host:5038 (1..65535)");
  }

  /**
   * The secret file of this Asterisk: {@code {host}} in {@code ami.secretFile} becomes this
   * target's name, so each Asterisk can have its own secret ({@code /run/secrets/ami-{host}}).
   */
  public String secretFile(String template) {
    return template.replace("{host}", name.replace(':', '_'));
  }
}
