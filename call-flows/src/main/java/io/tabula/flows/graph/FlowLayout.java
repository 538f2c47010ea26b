package io.tabula.flows.graph;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places a flow's steps in rows by their distance from the start (breadth first), which reads top
 * to bottom the way a call goes. Steps nothing reaches go in a last row so they still show.
 */
final class FlowLayout {

  /** A step's row and column. */
  record Place(int row, int column) {}

  private final Map<String, Place> places = new LinkedHashMap<>();
  private final List<List<String>> rows = new ArrayList<>();

  FlowLayout(Flow flow) {
    Map<String, Integer> depth = new LinkedHashMap<>();
    Deque<String> work = new ArrayDeque<>();
    if (flow.steps().containsKey(flow.start().step())) {
      depth.put(flow.start().step(), 0);
      work.add(flow.start().step());
    }
    while (!work.isEmpty()) {
      String id = work.poll();
      for (Step.Edge edge : flow.steps().get(id).edges()) {
        String next = edge.target().step();
        if (flow.steps().containsKey(next) && !depth.containsKey(next)) {
          depth.put(next, depth.get(id) + 1);
          work.add(next);
        }
      }
    }
    int unreachableRow = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    for (String id : flow.steps().keySet()) {
      int row = depth.getOrDefault(id, unreachableRow);
      while (rows.size() <= row) {
        rows.add(new ArrayList<>());
      }
      places.put(id, new Place(row, rows.get(row).size()));
      rows.get(row).add(id);
    }
  }

  Place place(String id) {
    return places.get(id);
  }

  List<List<String>> rows() {
    return rows;
  }

  int widestRow() {
    return rows.stream().mapToInt(List::size).max().orElse(1);
  }
}
