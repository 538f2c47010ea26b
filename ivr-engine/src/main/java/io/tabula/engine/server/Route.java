package io.tabula.engine.server;

import io.tabula.flows.model.FlowNames;
import java.util.Optional;

/**
 * The tenant and flow named by a FastAGI request path. {@code agi_network_script} is everything
 * after {@code host:port/}, query included (observation 2), so {@code city/parking?lang=en} is
 * tenant {@code city}, flow {@code parking}. Both must be names by {@link FlowNames}, the rule the
 * flow parser and the flow store also apply.
 *
 * <pre>{@code
 * Route.parse("city/parking?lang=en"); // Optional[Route[tenant=city, flow=parking]]
 * }</pre>
 */
public record Route(String tenant, String flow) {

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
    if (slash < 0
        || !FlowNames.isName(path, 0, slash)
        || !FlowNames.isName(path, slash + 1, path.length())) {
      return Optional.empty();
    }
    return Optional.of(new Route(path.substring(0, slash), path.substring(slash + 1)));
  }
}
