package io.tabula.flows.validate;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which values exist for sure when a step starts, on every path that reaches it (a "must" data-flow
 * analysis). A lookup defines its outputs only on {@code on_found}; a collect defines its field
 * only on {@code next}; a pay step defines {@code payment.*} and zeroes the card fields it used.
 */
final class ValueFlow {

  private final Map<String, Set<String>> in = new HashMap<>();

  ValueFlow(Flow flow, Set<String> reachable, Set<String> universe) {
    for (String id : reachable) {
      in.put(id, new HashSet<>(universe));
    }
    if (in.containsKey(flow.start().step())) {
      in.put(flow.start().step(), new HashSet<>());
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String id : reachable) {
        Step step = flow.steps().get(id);
        for (Step.Edge edge : step.edges()) {
          Set<String> target = in.get(edge.target().step());
          if (target == null) {
            continue;
          }
          Set<String> out = out(step, edge, in.get(id));
          changed |= target.retainAll(out);
        }
      }
    }
  }

  /** The values that surely exist when {@code stepId} starts. */
  Set<String> definedAt(String stepId) {
    return in.getOrDefault(stepId, Set.of());
  }

  private static Set<String> out(Step step, Step.Edge edge, Set<String> before) {
    Set<String> out = new HashSet<>(before);
    switch (step) {
      case Step.Collect c when edge.label().equals("next") -> out.add(c.field());
      case Step.Lookup l when edge.label().equals("on_found") -> out.addAll(l.outputs().keySet());
      case Step.Set s -> out.add(s.name().name());
      case Step.Pay p -> {
        out.removeAll(List.of(p.card().name(), p.expiry().name(), p.cvc().name()));
        if (edge.label().equals("on_approved")) {
          out.addAll(Symbols.PAYMENT_APPROVED.keySet());
        } else if (edge.label().equals("on_declined")) {
          out.addAll(Symbols.PAYMENT_DECLINED.keySet());
        } else if (edge.label().equals("on_unknown")) {
          out.addAll(Symbols.PAYMENT_UNKNOWN.keySet());
        }
      }
      default -> {}
    }
    return out;
  }
}
