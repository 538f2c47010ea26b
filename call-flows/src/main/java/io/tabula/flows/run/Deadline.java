package io.tabula.flows.run;

import java.time.Clock;
import java.time.Duration;

/**
 * The call's time limit, checked before every step and every attempt: to the millisecond, by the
 * clock's {@link Clock#millis()}, so a check makes no object.
 */
final class Deadline {

  private final Clock clock;
  private final long endMillis;

  Deadline(Clock clock, Duration limit) {
    this.clock = clock;
    this.endMillis = clock.instant().plus(limit).toEpochMilli();
  }

  void check() {
    if (clock.millis() > endMillis) {
      throw new FlowInterrupt(FlowInterrupt.Kind.TIME_LIMIT);
    }
  }
}
