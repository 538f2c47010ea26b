package io.tabula.engine.pbx;

import java.util.Locale;

/**
 * The first argument of Asterisk's {@code AGI()} for a network script, parsed as res_agi.c of
 * Asterisk 22 does ({@code launch_netscript}, {@code launch_ha_netscript}): {@code
 * agi://host[:port][/script]} connects to that host (port 4573 when none is given), {@code
 * hagi://host[/script]} looks up the SRV records of {@code _agi._tcp.host} and tries their targets
 * in order. A port in a {@code hagi://} URL turns the SRV lookup off: Asterisk then connects as for
 * {@code agi://} (and logs "Specifying a port number disables SRV lookups").
 *
 * <pre>{@code
 * AgiUrl url = AgiUrl.parse("hagi://tabula-engine.tabula.svc.cluster.local/city/parking-ticket");
 * url.srvName(); // _agi._tcp.tabula-engine.tabula.svc.cluster.local
 * }</pre>
 *
 * @param request the URL as the dialplan wrote it: Asterisk sends it as {@code agi_request}
 * @param host the host part, without the port
 * @param port the port, {@link #DEFAULT_PORT} when the URL names none
 * @param script what follows the first {@code /} after the host, sent as {@code agi_network_script}
 *     (empty when none)
 * @param srv whether the targets come from an SRV lookup ({@code hagi://} without a port)
 */
public record AgiUrl(String request, String host, int port, String script, boolean srv) {

  /** FastAGI's port when the URL names none (res_agi.c {@code AGI_PORT}). */
  public static final int DEFAULT_PORT = 4573;

  /** What res_agi.c puts before the host for the SRV lookup ({@code SRV_PREFIX}). */
  public static final String SRV_PREFIX = "_agi._tcp.";

  /**
   * @throws IllegalArgumentException when the URL is neither {@code agi://} nor {@code hagi://}
   *     with a host
   */
  public static AgiUrl parse(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    boolean ha = lower.startsWith("hagi://");
    if (!ha && !lower.startsWith("agi://")) {
      throw new IllegalArgumentException(
          "an AGI URL starts with agi:// or hagi://, e.g. hagi://engines.example/city/flow");
    }
    String rest = url.substring(ha ? 7 : 6);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String script = slash < 0 ? "" : rest.substring(slash + 1);
    if (authority.isEmpty()) {
      throw new IllegalArgumentException(
          "the AGI URL names no host: write agi://host[:port]/script or hagi://host/script");
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return new AgiUrl(url, authority, DEFAULT_PORT, script, ha);
    }
    String host = authority.substring(0, colon);
    try {
      int port = Integer.parseInt(authority.substring(colon + 1));
      return new AgiUrl(url, host, port, script, false);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "the port of the AGI URL is not a number: write agi://host:4573/script", e);
    }
  }

  /** The name whose SRV records a {@code hagi://} URL looks up. */
  public String srvName() {
    return SRV_PREFIX + host;
  }
}
