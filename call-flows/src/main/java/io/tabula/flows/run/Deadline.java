package io.tabula.flows.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The call's time limit, checked before every step and every attempt. */
final class Deadline {

  private final Clock clock;
  private final Instant end;

  Deadline(Clock clock, Duration limit) {
    this.clock = clock;
    this.end = clock.instant().plus(limit);
  }

  void check() {
    if (clock.instant().isAfter(end)) {
      throw new FlowInterrupt(FlowInterrupt.Kind.TIME_LIMIT);
    }
  }
}
