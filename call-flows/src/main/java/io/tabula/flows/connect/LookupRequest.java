package io.tabula.flows.connect;

import java.util.Map;
import java.util.Objects;

/**
 * What a flow asks a lookup connector.
 *
 * @param tenant the call's tenant; a connector answers only from that tenant's data
 * @param lookup the lookup's name within the connector, e.g. {@code parking-ticket}
 * @param callId the call's unique id, for the connector's logs
 * @param inputs named inputs, e.g. {@code ticket -> Secret(ticket field)}
 */
public record LookupRequest(
    String tenant, String lookup, String callId, Map<String, LookupInput> inputs) {

  public LookupRequest {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(lookup, "lookup");
    inputs = Map.copyOf(inputs);
  }
}
