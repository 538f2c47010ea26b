package io.tabula.engine.server;

import java.util.Optional;

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

  private static final int MAX_NAME = 64;

  public static Optional<Route> parse(String networkScript) {
    String path = networkScript;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("/")) {
      path = path.substring(1);
    }
    int slash = path.indexOf('/');
    if (slash < 0 || !isName(path, 0, slash) || !isName(path, slash + 1, path.length())) {
      return Optional.empty();
    }
    return Optional.of(new Route(path.substring(0, slash), path.substring(slash + 1)));
  }

  /**
   * Whether {@code text[from, to)} is 1-64 of {@code A-Z a-z 0-9 _ -}. A loop rather than a regex:
   * every call is routed, and a matcher per call is garbage at 10,000 calls.
   */
  private static boolean isName(String text, int from, int to) {
    if (to - from < 1 || to - from > MAX_NAME) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean allowed =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
  }
}
