package io.tabula.connectors.lookup;

/**
 * Reads a balance (or any small record) from a tenant's own database in real time and keeps
 * nothing. A flow's {@code lookup} step calls this; the result is a value the flow can speak or a
 * typed failure that sends the caller down the error path (for example to an agent).
 *
 * <pre>{@code
 * LookupResult result = lookups.lookup("springfield", "parking-ticket",
 *     LookupParameters.builder().value("ticket", "PT-100234").build());
 * switch (result) {
 *   case LookupResult.Found found -> say(found.money("amount"));
 *   case LookupResult.NotFound notFound -> say("ticket-not-found");
 *   case LookupResult.Failed failed -> transferToAgent(failed.failure());
 * }
 * }</pre>
 *
 * <p>Implementations never throw for a database problem: every outcome is a {@link LookupResult}.
 */
public interface BalanceLookup {

  /**
   * Runs the tenant's named lookup with the given parameters.
   *
   * @param tenant the tenant the call belongs to; a call reaches only its own tenant's database
   * @param lookupName the name of a lookup in that tenant's configuration
   * @param parameters named inputs, plain values or secret fields from the call's memory
   */
  LookupResult lookup(String tenant, String lookupName, LookupParameters parameters);
}
