package io.tabula.flows.run;

/**
 * Leaves the current step for a flow-wide path: the caller asked for an agent, or the call's time
 * limit passed. Carries no data and no stack trace.
 */
final class FlowInterrupt extends RuntimeException {

  private static final long serialVersionUID = 1L;

  enum Kind {
    AGENT_REQUESTED,
    TIME_LIMIT
  }

  private final Kind kind;

  FlowInterrupt(Kind kind) {
    super(kind.name(), null, false, false);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }
}
