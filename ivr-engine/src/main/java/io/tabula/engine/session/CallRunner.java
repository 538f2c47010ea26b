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
    try {
      handler.handle(port);
      session.finish(CallOutcome.COMPLETED);
    } catch (CallEndedException e) {
      session.finish(outcomeOf(e.reason()));
    } catch (CallPortException e) {
      LOG.warn("call ended after a failed command: {} ({})", e.kind(), e.getMessage());
      session.finish(CallOutcome.ERROR);
    } catch (RuntimeException | Error e) {
      // Third-party messages may quote data; the type is enough to find the bug.
      LOG.error("call handler failed with {}", e.getClass().getName());
      session.finish(CallOutcome.ERROR);
    } finally {
      session.stopTrackingDeadlines();
      MDC.remove("call");
      MDC.remove("tenant");
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
