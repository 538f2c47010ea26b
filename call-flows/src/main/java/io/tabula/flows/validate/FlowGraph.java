package io.tabula.flows.validate;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Graph questions about a flow: what is reachable, and which loops never wait for the caller. */
final class FlowGraph {

  private FlowGraph() {}

  /**
   * Steps reachable from the start, in file order. A misspelt target counts as reaching the step it
   * most likely means, so one typo is reported once rather than as a cascade of unreachable steps.
   */
  static Set<String> reachable(Flow flow) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(List.of(flow.start().step()));
    while (!work.isEmpty()) {
      String id = work.pop();
      Step step = flow.steps().get(id);
      if (step != null && seen.add(id)) {
        step.edges().forEach(edge -> work.push(intended(flow, edge.target().step())));
      }
    }
    Set<String> ordered = new LinkedHashSet<>();
    flow.steps().keySet().stream().filter(seen::contains).forEach(ordered::add);
    return ordered;
  }

  private static String intended(Flow flow, String target) {
    if (flow.steps().containsKey(target)) {
      return target;
    }
    return io.tabula.flows.parse.Suggest.closest(target, flow.steps().keySet()).orElse(target);
  }

  /** Cycles made only of steps that do not wait for the caller (strongly connected components). */
  static List<List<String>> busyLoops(Flow flow) {
    return new Tarjan(flow).run();
  }

  /** Tarjan's algorithm over the steps that do not wait for the caller. */
  private static final class Tarjan {
    private final Flow flow;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new java.util.HashSet<>();
    private final List<List<String>> loops = new ArrayList<>();
    private int counter;

    Tarjan(Flow flow) {
      this.flow = flow;
    }

    List<List<String>> run() {
      for (Step step : flow.steps().values()) {
        if (!step.waitsForCaller() && !index.containsKey(step.id())) {
          visit(step.id());
        }
      }
      return loops;
    }

    private List<String> successors(String id) {
      List<String> next = new ArrayList<>();
      for (Step.Edge edge : flow.steps().get(id).edges()) {
        Step target = flow.steps().get(edge.target().step());
        if (target != null && !target.waitsForCaller()) {
          next.add(target.id());
        }
      }
      return next;
    }

    private void visit(String id) {
      index.put(id, counter);
      low.put(id, counter++);
      stack.push(id);
      onStack.add(id);
      for (String next : successors(id)) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(id, Math.min(low.get(id), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(id, Math.min(low.get(id), index.get(next)));
        }
      }
      if (low.get(id).equals(index.get(id))) {
        List<String> component = new ArrayList<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(id));
        if (component.size() > 1 || successors(id).contains(id)) {
          List<String> inFileOrder =
              flow.steps().keySet().stream().filter(component::contains).toList();
          loops.add(inFileOrder);
        }
      }
    }
  }
}
