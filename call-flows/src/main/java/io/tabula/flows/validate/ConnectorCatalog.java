package io.tabula.flows.validate;

import io.tabula.flows.connect.Connectors;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The connector names flows may use, as the validator knows them, and each payment connector's send
 * budget (the longest one charge can take with its own resends), which a pay step's timeout must
 * cover.
 *
 * <pre>{@code
 * ConnectorCatalog catalog = ConnectorCatalog.of(connectors);
 * }</pre>
 *
 * @param paymentBudgets send budget by payment connector name; a name without one is not checked
 */
public record ConnectorCatalog(
    Set<String> lookups, Set<String> payments, Map<String, Duration> paymentBudgets) {

  public ConnectorCatalog {
    lookups = Set.copyOf(lookups);
    payments = Set.copyOf(payments);
    paymentBudgets = Map.copyOf(paymentBudgets);
  }

  /** Names only, no budgets (e.g. for {@code tabula flows validate} without tenant files). */
  public ConnectorCatalog(Set<String> lookups, Set<String> payments) {
    this(lookups, payments, Map.of());
  }

  public static ConnectorCatalog of(Connectors connectors) {
    Map<String, Duration> budgets = new HashMap<>();
    for (String name : connectors.paymentNames()) {
      budgets.put(name, connectors.payment(name).orElseThrow().sendBudget());
    }
    return new ConnectorCatalog(connectors.lookupNames(), connectors.paymentNames(), budgets);
  }

  /** Adds names, e.g. from the command line's {@code --connector} options. */
  public ConnectorCatalog with(Set<String> moreLookups, Set<String> morePayments) {
    Set<String> l = new HashSet<>(lookups);
    l.addAll(moreLookups);
    Set<String> p = new HashSet<>(payments);
    p.addAll(morePayments);
    return new ConnectorCatalog(l, p, paymentBudgets);
  }

  /** The send budget of payment connector {@code name}; zero when unknown. */
  public Duration budgetOf(String name) {
    return paymentBudgets.getOrDefault(name, Duration.ZERO);
  }
}
