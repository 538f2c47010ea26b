package io.tabula.flows.validate;

import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.Target;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The validator's rules that keep money from moving twice.
 *
 * <ul>
 *   <li>A pay step's timeout is at least its connector's send budget. A shorter one gave up on a
 *       charge the connector was still making, and the caller heard a failure while the card was
 *       being charged.
 *   <li>No path leads from a pay step's {@code on_unknown} back to that step (an error): the first
 *       charge may have gone through, and a new attempt carries a new idempotency key, so the
 *       processor would charge again.
 *   <li>A path from {@code on_error} back to the step is a warning: {@code on_error} means nothing
 *       was charged, but a caller who retries the same failing processor gains nothing.
 * </ul>
 */
final class PaymentPaths {

  private final Flow flow;
  private final ConnectorCatalog catalog;
  private final List<Diagnostic> problems;

  PaymentPaths(Flow flow, ConnectorCatalog catalog, List<Diagnostic> problems) {
    this.flow = flow;
    this.catalog = catalog;
    this.problems = problems;
  }

  void check() {
    for (Step step : flow.steps().values()) {
      if (step instanceof Step.Pay pay) {
        budget(pay);
        if (leadsBackTo(pay.onUnknown(), pay.id())) {
          problems.add(
              new Diagnostic(
                  pay.onUnknown().pos(),
                  "a path leads from on_unknown of step '"
                      + pay.id()
                      + "' back to it: the first charge may have gone through, and a new attempt"
                      + " would charge the card again under a new idempotency key",
                  "end the unknown branch in a transfer or a hangup that tells the caller the"
                      + " payment could not be confirmed"));
        }
        if (leadsBackTo(pay.onError(), pay.id())) {
          problems.add(
              Diagnostic.warning(
                  pay.onError().pos(),
                  "a path leads from on_error of step '"
                      + pay.id()
                      + "' back to it, so a caller may retry a processor that is failing",
                  "end the error branch in a transfer to an agent, or accept this warning if the"
                      + " retry is meant"));
        }
      }
    }
  }

  private void budget(Step.Pay pay) {
    Duration budget = catalog.budgetOf(pay.connector());
    if (pay.timeout().compareTo(budget) < 0) {
      problems.add(
          new Diagnostic(
              pay.pos(),
              "the timeout of step '"
                  + pay.id()
                  + "' ("
                  + pay.timeout()
                  + ") is shorter than the send budget of connector '"
                  + pay.connector()
                  + "' ("
                  + budget
                  + "), so the step would give up on a charge that is still running",
              "set 'timeout' of the pay to at least "
                  + seconds(budget)
                  + ", or lower the tenant's payment responseTimeout"));
    }
  }

  private static String seconds(Duration duration) {
    long whole = duration.toSeconds() + (duration.toNanosPart() == 0 ? 0 : 1);
    return whole + "s";
  }

  /** Whether any path from {@code start} reaches the step {@code id}. */
  private boolean leadsBackTo(Target start, String id) {
    Set<String> seen = new HashSet<>();
    Deque<String> work = new ArrayDeque<>(List.of(start.step()));
    while (!work.isEmpty()) {
      String current = work.pop();
      if (current.equals(id)) {
        return true;
      }
      Step step = flow.steps().get(current);
      if (step != null && seen.add(current)) {
        step.edges().forEach(edge -> work.push(edge.target().step()));
      }
    }
    return false;
  }
}
