package io.tabula.flows.connect;

/**
 * Answers a flow's {@code lookup} steps for one connector name (e.g. {@code city-db}). The
 * interpreter calls it on the call's virtual thread with a time limit; an implementation blocks,
 * never keeps a {@link io.tabula.masking.memory.SecretField} after returning, and reports problems
 * as {@link LookupResult.Failed}, never by throwing with data in a message.
 *
 * <pre>{@code
 * LookupResult r = connector.lookup(new LookupRequest("city", "parking-ticket", callId,
 *     Map.of("ticket", new LookupInput.Secret(ticketField))));
 * }</pre>
 */
public interface LookupConnector {

  /** The name flows use in {@code lookup.connector}. */
  String name();

  LookupResult lookup(LookupRequest request);
}
