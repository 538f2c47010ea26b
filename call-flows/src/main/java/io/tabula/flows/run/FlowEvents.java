package io.tabula.flows.run;

/**
 * What happens in a call, step by step, without any call data: the simulator prints these in its
 * transcript and the engine logs them. Every argument is non-secret by construction (step ids,
 * outcome names, exception class names).
 */
public interface FlowEvents {

  /** Events nobody listens to. */
  FlowEvents NONE = new FlowEvents() {};

  default void stepStarted(String stepId, String kind) {}

  /** A lookup or payment outcome, e.g. {@code found}, {@code declined: expired_card}. */
  default void outcome(String stepId, String outcome) {}

  /**
   * The flow's error path runs; {@code why} is a short reason such as an exception's class name.
   */
  default void error(String stepId, String why) {}

  /** The call left the flow: {@code hangup}, {@code transfer <queue>}, {@code caller hung up}. */
  default void ended(String how) {}
}
