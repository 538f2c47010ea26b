package io.tabula.flows.validate;

import io.tabula.flows.connect.Connectors;
import java.util.Set;

/**
 * The connector names flows may use, as the validator knows them.
 *
 * <pre>{@code
 * ConnectorCatalog catalog = ConnectorCatalog.of(connectors);
 * }</pre>
 */
public record ConnectorCatalog(Set<String> lookups, Set<String> payments) {

  public ConnectorCatalog {
    lookups = Set.copyOf(lookups);
    payments = Set.copyOf(payments);
  }

  public static ConnectorCatalog of(Connectors connectors) {
    return new ConnectorCatalog(connectors.lookupNames(), connectors.paymentNames());
  }

  /** Adds names, e.g. from the command line's {@code --connector} options. */
  public ConnectorCatalog with(Set<String> moreLookups, Set<String> morePayments) {
    java.util.Set<String> l = new java.util.HashSet<>(lookups);
    l.addAll(moreLookups);
    java.util.Set<String> p = new java.util.HashSet<>(payments);
    p.addAll(morePayments);
    return new ConnectorCatalog(l, p);
  }
}
