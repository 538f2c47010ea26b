package io.tabula.engine.session;

import io.tabula.flows.port.CallEndedException;
import io.tabula.flows.port.CallHandler;
import io.tabula.flows.port.CallPortException;
import io.tabula.flows.port.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one call's handler on the call's own virtual thread, with the call id and tenant in the MDC,
 * and ends the session however the handler stops. Log lines name exception types and our own
 * payload-free messages only.
 */
public final class CallRunner implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

  private final CallSession session;
  private final AgiCallPort port;
  private final CallHandler handler;

  private CallRunner(CallSession session, AgiCallPort port, CallHandler handler) {
    this.session = session;
    this.port = port;
    this.handler = handler;
  }

  /** A call that runs {@code handler}; when it returns the AGI ends and the dialplan continues. */
  public static CallRunner of(CallSession session, AgiCallPort port, CallHandler handler) {
    return new CallRunner(session, port, handler);
  }

  /** A call the engine turns away: it plays {@code prompt}, hangs up and counts {@code outcome}. */
  public static CallRunner rejecting(
      CallSession session, AgiCallPort port, String prompt, CallOutcome outcome) {
    return new CallRunner(
        session,
        port,
        call -> {
          call.play(new Prompt(prompt, ""), "");
          port.hangup(outcome);
        });
  }

  /** Starts the call's virtual thread. */
  public Thread start() {
    return Thread.ofVirtual().name("call-" + session.info().uniqueId()).start(this);
  }

  @Override
  public void run() {
    MDC.put("call", session.info().uniqueId());
    MDC.put("tenant", session.info().tenant());
    Throwable failure = null;
    try {
      handler.handle(port);
    } catch (RuntimeException | Error e) {
      failure = e;
    } finally {
      try {
        end(session, failure);
      } finally {
        MDC.remove("call");
        MDC.remove("tenant");
      }
    }
  }

  /**
   * Ends the session however the call's logic stopped ({@code failure} null: it returned), and
   * gives back its reply-deadline entry; with the call id and tenant in the MDC. The one end of
   * both ways to run a call: this runner's thread and {@link SteppedCallRunner}.
   */
  static void end(CallSession session, Throwable failure) {
    try {
      switch (failure) {
        case null -> session.finish(CallOutcome.COMPLETED);
        case CallEndedException e -> session.finish(outcomeOf(e.reason()));
        case CallPortException e -> {
          LOG.warn("call ended after a failed command: {} ({})", e.kind(), e.getMessage());
          session.finish(CallOutcome.ERROR);
        }
        default -> {
          // Third-party messages may quote data; the type is enough to find the bug.
          LOG.error("call handler failed with {}", failure.getClass().getName());
          session.finish(CallOutcome.ERROR);
        }
      }
    } finally {
      session.stopTrackingDeadlines();
    }
  }

  private static CallOutcome outcomeOf(CallEndedException.Reason reason) {
    return switch (reason) {
      case CALLER_HUNG_UP -> CallOutcome.CALLER_HUNG_UP;
      case TRANSFERRED -> CallOutcome.TRANSFERRED;
      case HUNG_UP_BY_ENGINE -> CallOutcome.HUNG_UP_BY_ENGINE;
      case ENGINE_SHUTDOWN -> CallOutcome.ENGINE_SHUTDOWN;
      case CONNECTION_LOST, TIME_LIMIT -> CallOutcome.CONNECTION_LOST;
    };
  }
}
