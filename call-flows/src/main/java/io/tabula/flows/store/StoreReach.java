package io.tabula.flows.store;

import java.time.Instant;

/**
 * Whether an engine's last look into its flow store worked. While it does not, the versions already
 * live keep serving; {@code /health} shows this as DEGRADED, not DOWN.
 *
 * @param reachable whether the last look worked
 * @param since when it last changed between reachable and not
 * @param problem the kind of the last failure (an exception's class name), empty when reachable
 * @param failures looks that failed since {@code since}
 */
public record StoreReach(boolean reachable, Instant since, String problem, long failures) {

  static StoreReach reachable(Instant now) {
    return new StoreReach(true, now, "", 0);
  }

  static StoreReach unreachable(Instant now, String problem) {
    return new StoreReach(false, now, problem, 1);
  }

  StoreReach stillUnreachable(String problem) {
    return new StoreReach(false, since, problem, failures + 1);
  }
}
