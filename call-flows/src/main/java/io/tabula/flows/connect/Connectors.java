package io.tabula.flows.connect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connectors a flow may use, by name. The validator checks flow files against the names; the
 * interpreter finds connectors here.
 *
 * <pre>{@code
 * Connectors connectors = Connectors.of(List.of(lookups), List.of(payments));
 * }</pre>
 */
public final class Connectors {

  private final Map<String, LookupConnector> lookups;
  private final Map<String, PaymentConnector> payments;

  private Connectors(Map<String, LookupConnector> lookups, Map<String, PaymentConnector> payments) {
    this.lookups = lookups;
    this.payments = payments;
  }

  public static Connectors of(List<LookupConnector> lookups, List<PaymentConnector> payments) {
    Map<String, LookupConnector> byLookupName = new LinkedHashMap<>();
    lookups.forEach(connector -> byLookupName.put(connector.name(), connector));
    Map<String, PaymentConnector> byPaymentName = new LinkedHashMap<>();
    payments.forEach(connector -> byPaymentName.put(connector.name(), connector));
    return new Connectors(Map.copyOf(byLookupName), Map.copyOf(byPaymentName));
  }

  public Optional<LookupConnector> lookup(String name) {
    return Optional.ofNullable(lookups.get(name));
  }

  public Optional<PaymentConnector> payment(String name) {
    return Optional.ofNullable(payments.get(name));
  }

  public Set<String> lookupNames() {
    return lookups.keySet();
  }

  public Set<String> paymentNames() {
    return payments.keySet();
  }
}
