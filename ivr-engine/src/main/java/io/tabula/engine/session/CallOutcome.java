package io.tabula.engine.session;

import io.tabula.flows.port.CallEndedException;

/** How a call ended, as counted in {@code tabula.calls.ended{outcome}}. */
public enum CallOutcome {
  /** The handler returned; the AGI ended and the dialplan continues. */
  COMPLETED(CallEndedException.Reason.HUNG_UP_BY_ENGINE),
  CALLER_HUNG_UP(CallEndedException.Reason.CALLER_HUNG_UP),
  HUNG_UP_BY_ENGINE(CallEndedException.Reason.HUNG_UP_BY_ENGINE),
  TRANSFERRED(CallEndedException.Reason.TRANSFERRED),
  CONNECTION_LOST(CallEndedException.Reason.CONNECTION_LOST),
  /** A command failed in a way that leaves the conversation unusable (timeout, handler error). */
  ERROR(CallEndedException.Reason.CONNECTION_LOST),
  /** Asterisk sent something the codec refused. */
  PROTOCOL_ERROR(CallEndedException.Reason.CONNECTION_LOST),
  ENGINE_SHUTDOWN(CallEndedException.Reason.ENGINE_SHUTDOWN),
  /** Every call slot was in use; the caller heard "please call back". */
  REJECTED_ENGINE_FULL(CallEndedException.Reason.HUNG_UP_BY_ENGINE),
  /** No flow for the request path; the caller heard "not available". */
  REJECTED_NO_ROUTE(CallEndedException.Reason.HUNG_UP_BY_ENGINE);

  private final CallEndedException.Reason reason;

  CallOutcome(CallEndedException.Reason reason) {
    this.reason = reason;
  }

  /** The reason a flow sees in {@link CallEndedException} after this outcome. */
  public CallEndedException.Reason reason() {
    return reason;
  }

  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
