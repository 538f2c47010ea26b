package io.tabula.connectors.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tabula.connectors.simulator.IdempotencyStore.StoredReply;

/**
 * {@code GET /v1/charges}: the ledger as a Stripe-style list of charge objects, newest first, so a
 * test outside the simulator's JVM (the Docker stack test, an admin with curl) can check what was
 * charged. Like everything the simulator keeps, an entry carries brand and last four only.
 *
 * <pre>
 * curl --cacert ca.pem -H "Authorization: Bearer $(cat simulator-key)" https://simulator:8443/v1/charges
 * </pre>
 */
final class LedgerJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LedgerJson() {}

  static StoredReply list(Ledger ledger) {
    ObjectNode body = JSON.createObjectNode().put("object", "list").put("url", "/v1/charges");
    ArrayNode data = body.putArray("data");
    ledger.entries().reversed().forEach(entry -> data.add(charge(entry)));
    body.put("has_more", false);
    body.put("requests", ledger.requests());
    try {
      return new StoredReply(200, JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the simulator's ledger", e);
    }
  }

  private static ObjectNode charge(LedgerEntry entry) {
    ObjectNode charge = JSON.createObjectNode().put("object", "charge");
    charge.put("payment_intent", entry.paymentIntent());
    charge.put("amount", entry.amountMinor()).put("currency", entry.currency());
    charge.put("paid", entry.charged());
    charge.put("status", entry.charged() ? "succeeded" : "failed");
    if (!entry.charged()) {
      charge.put("failure_code", entry.declineCode());
    }
    charge.put("created", entry.at().getEpochSecond());
    charge
        .putObject("payment_method_details")
        .putObject("card")
        .put("brand", entry.brand())
        .put("last4", entry.lastFour());
    ObjectNode metadata = charge.putObject("metadata");
    entry.metadata().forEach(metadata::put);
    return charge;
  }
}
