package io.tabula.flows.run;

import java.time.Clock;
import java.util.Objects;

/**
 * How the interpreter runs.
 *
 * @param clock the clock for the call time limit and card expiry checks (the system clock in the
 *     engine, a fixed one in tests)
 * @param events where step events go
 */
public record RunnerConfig(Clock clock, FlowEvents events) {

  public RunnerConfig {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(events, "events");
  }

  /** The same configuration with another listener (the engine's per-call journal). */
  public RunnerConfig withEvents(FlowEvents events) {
    return new RunnerConfig(clock, events);
  }

  public static RunnerConfig defaults() {
    return new RunnerConfig(Clock.systemUTC(), FlowEvents.NONE);
  }
}
