package io.tabula.engine.server;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tenant and flow named by a FastAGI request path. {@code agi_network_script} is everything
 * after {@code host:port/}, query included (observation 2), so {@code city/parking?lang=en} is
 * tenant {@code city}, flow {@code parking}.
 *
 * <pre>{@code
 * Route.parse("city/parking?lang=en"); // Optional[Route[tenant=city, flow=parking]]
 * }</pre>
 */
public record Route(String tenant, String flow) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  public static Optional<Route> parse(String networkScript) {
    String path = networkScript;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    String[] parts = path.split("/", -1);
    if (parts.length != 2
        || !NAME.matcher(parts[0]).matches()
        || !NAME.matcher(parts[1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Route(parts[0], parts[1]));
  }
}
