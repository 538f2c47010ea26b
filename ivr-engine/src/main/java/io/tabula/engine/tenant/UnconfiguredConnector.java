package io.tabula.engine.tenant;

import io.tabula.connectors.payment.CardFields;
import io.tabula.flows.connect.LookupConnector;
import io.tabula.flows.connect.LookupRequest;
import io.tabula.flows.connect.LookupResult;
import io.tabula.flows.connect.PaymentConnector;
import io.tabula.flows.connect.PaymentOutcome;
import io.tabula.flows.connect.PaymentRequest;

/**
 * Stands in for a connector a flow names but no tenant file defines: serve has logged an ERROR for
 * it at start-up, and the flow still goes live so that its callers take the flow's error path
 * (usually an agent) instead of hearing "not available". Every request fails at once; a charge is
 * never sent and its card fields are zeroed.
 *
 * <pre>{@code
 * Connectors all = tenants.connectorsWith(Set.of("city-parking"), Set.of());
 * }</pre>
 */
final class UnconfiguredConnector implements LookupConnector, PaymentConnector {

  private final String name;

  UnconfiguredConnector(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public LookupResult lookup(LookupRequest request) {
    return new LookupResult.Failed(LookupResult.FailureKind.UNAVAILABLE, false);
  }

  @Override
  public PaymentOutcome charge(PaymentRequest request) {
    new CardFields(request.pan(), request.expiry(), request.cvc()).clear();
    return new PaymentOutcome.Failed("connector not configured");
  }
}
