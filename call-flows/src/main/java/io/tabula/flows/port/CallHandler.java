package io.tabula.flows.port;

/**
 * The logic of one call. The engine picks a handler from the request path {@code /<tenant>/<flow>}
 * and runs it on the call's own virtual thread; when it returns or throws, the engine ends the call
 * and zeroes its memory if that has not happened yet.
 */
@FunctionalInterface
public interface CallHandler {

  void handle(CallPort call);
}
