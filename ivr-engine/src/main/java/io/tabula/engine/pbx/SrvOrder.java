package io.tabula.engine.pbx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which Asterisk 22 tries the targets of an SRV answer, as main/srv.c computes it.
 *
 * <ol>
 *   <li>{@code srv_callback} inserts each record before the first one of a higher priority: the
 *       records are sorted by priority, and records of equal priority keep the order of the DNS
 *       answer.
 *   <li>When any record has a weight, {@code process_weights} draws, within each priority, {@code
 *       r} from 1 to the sum of the remaining weights and takes the first remaining record whose
 *       <em>own</em> weight is at least {@code r} (not the running sum of RFC 2782), drawing again
 *       when none is. So records of equal weight always keep the answer's order, and records of
 *       weight 0 come last, in the answer's order.
 * </ol>
 *
 * Spreading calls over engines of equal priority and weight is therefore up to the DNS server's
 * answer order (a server that rotates its answers), not Asterisk.
 */
public final class SrvOrder {

  private SrvOrder() {}

  public static List<SrvTarget> asAsterisk(List<SrvTarget> answer, RandomGenerator random) {
    List<SrvTarget> byPriority = new ArrayList<>(answer);
    byPriority.sort(Comparator.comparingInt(SrvTarget::priority)); // stable: answer order kept
    if (byPriority.stream().allMatch(target -> target.weight() == 0)) {
      return byPriority;
    }
    List<SrvTarget> ordered = new ArrayList<>(byPriority.size());
    for (int start = 0; start < byPriority.size(); ) {
      int priority = byPriority.get(start).priority();
      int end = start;
      while (end < byPriority.size() && byPriority.get(end).priority() == priority) {
        end++;
      }
      drawByWeight(new ArrayList<>(byPriority.subList(start, end)), random, ordered);
      start = end;
    }
    return ordered;
  }

  private static void drawByWeight(
      List<SrvTarget> remaining, RandomGenerator random, List<SrvTarget> ordered) {
    while (!remaining.isEmpty()) {
      int sum = remaining.stream().mapToInt(SrvTarget::weight).sum();
      if (sum == 0) {
        ordered.addAll(remaining);
        return;
      }
      int drawn = 1 + (int) (sum * random.nextDouble());
      for (Iterator<SrvTarget> it = remaining.iterator(); it.hasNext(); ) {
        SrvTarget target = it.next();
        if (target.weight() >= drawn) {
          ordered.add(target);
          it.remove();
          break;
        }
      }
    }
  }
}
