package io.tabula.engine.session;

import io.tabula.flows.port.CallPort;
import java.util.function.Function;

/**
 * The blocking work of one operation of a stepped call, on a virtual thread with the call's
 * blocking port (the call id and tenant in the MDC, as the call's own thread has); its answer goes
 * back to the call's event loop.
 */
final class BlockingWork implements Runnable {

  private final Function<CallPort, ?> work;
  private final AgiCallPort port;
  private final CallSession session;
  private final AgiCallSteps steps;
  private Object result;
  private RuntimeException failure;

  BlockingWork(
      Function<CallPort, ?> work, AgiCallPort port, CallSession session, AgiCallSteps steps) {
    this.work = work;
    this.port = port;
    this.session = session;
    this.steps = steps;
  }

  @Override
  public void run() {
    SteppedCallRunner.inCallContext(session, this::work);
    steps.execute(this::answer);
  }

  private void work() {
    try {
      result = work.apply(port);
    } catch (RuntimeException e) {
      failure = e;
    } catch (Error e) {
      failure = steps.owner.blockingWorkFailed(e);
    }
  }

  private void answer() {
    steps.blockingDone(result, failure);
  }
}
