package io.tabula.engine.session;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The wait of a stepped call after a {@code result=-1}, which alone does not prove a hangup (a
 * missing sound file gives it too): a timer of {@code call.hangupGrace} on the call's event loop
 * races the call's end, without blocking the loop; the first one decides, on the loop. The blocking
 * port waits the same way on its thread ({@link CommandRunner#failedMedia}).
 */
final class HangupGrace implements Runnable {

  private final CallSession session;
  private final AgiCallSteps steps;
  private ScheduledFuture<?> timer;

  HangupGrace(CallSession session, AgiCallSteps steps) {
    this.session = session;
    this.steps = steps;
  }

  /** Starts the race; on the call's loop. */
  void start() {
    try {
      timer =
          steps.loop.schedule(
              this, session.settings().hangupGrace().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // The loop stopped (engine shut down), so the call is ending: wait for that alone.
    }
    session.ended().whenComplete((outcome, error) -> steps.execute(this::callEnded));
  }

  /** The grace time passed: the call goes on unless it ended meanwhile. */
  @Override
  public void run() {
    if (session.outcome().isPresent()) {
      callEnded();
    } else {
      steps.graceOver(this);
    }
  }

  private void callEnded() {
    if (timer != null) {
      timer.cancel(false);
    }
    steps.endedInGrace(this);
  }
}
