package io.tabula.flows.port;

import java.util.Optional;

/**
 * Finds the handler for a tenant's flow. The engine asks this for every new call; an empty answer
 * makes the caller hear "not available".
 */
@FunctionalInterface
public interface CallHandlers {

  Optional<CallHandler> find(String tenant, String flow);
}
