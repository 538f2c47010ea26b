package io.tabula.engine.session;

import io.netty.channel.EventLoop;
import io.tabula.engine.ami.RecordingControl;
import io.tabula.flows.port.SteppedCallHandler;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one call's {@link SteppedCallHandler} on the call's event loop, with no thread of its own:
 * the handler's steps go through {@link AgiCallSteps}, and the call ends as a {@link CallRunner}'s
 * does ({@link CallRunner#end}), exactly once, when the handler says it is over.
 *
 * <pre>{@code
 * SteppedCallRunner.of(session, recording, handler, channel.eventLoop()).start(); // on that loop
 * }</pre>
 */
public final class SteppedCallRunner implements Consumer<RuntimeException> {

  private static final Logger LOG = LoggerFactory.getLogger(SteppedCallRunner.class);

  private static final VarHandle ENDED;

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(SteppedCallRunner.class, "ended", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final CallSession session;
  private final SteppedCallHandler handler;
  private final AgiCallSteps steps;

  /** Set once, by the first end; a VarHandle, not an AtomicBoolean: one object less per call. */
  private volatile boolean ended;

  private SteppedCallRunner(
      CallSession session, RecordingControl recording, SteppedCallHandler handler, EventLoop loop) {
    this.session = session;
    this.handler = handler;
    this.steps = new AgiCallSteps(session, new CallChannel(session, recording), loop, this);
  }

  /** A call that runs {@code handler} on {@code loop}, the event loop of the call's connection. */
  public static SteppedCallRunner of(
      CallSession session, RecordingControl recording, SteppedCallHandler handler, EventLoop loop) {
    return new SteppedCallRunner(session, recording, handler, loop);
  }

  /** Starts the handler; on the call's event loop. Returns when its first command is on its way. */
  public void start() {
    try {
      handler.start(steps, this);
    } catch (RuntimeException | Error e) {
      continuationFailed(e);
    }
  }

  /** The handler's end: null when it finished normally, else what stopped it. */
  @Override
  public void accept(RuntimeException failure) {
    end(failure);
  }

  /** The handler's own code threw out of a continuation (or out of start): the call failed. */
  void continuationFailed(Throwable failure) {
    end(failure);
  }

  /** An {@link Error} from the call's blocking work, logged by type and failed as a call error. */
  RuntimeException blockingWorkFailed(Error error) {
    // Third-party messages may quote data; the type is enough to find the bug.
    LOG.error("the call's blocking work failed with {}", error.getClass().getName());
    return new IllegalStateException(
        "the call's blocking work failed with " + error.getClass().getName());
  }

  private void end(Throwable failure) {
    if (!ENDED.compareAndSet(this, false, true)) {
      LOG.warn(
          "call {}: its handler ended it more than once; only the first end counts",
          session.info().uniqueId());
      return;
    }
    inCallContext(session, () -> CallRunner.end(session, failure));
  }

  /** Runs {@code action} with the call id and tenant in the MDC, as the call's own thread has. */
  static void inCallContext(CallSession session, Runnable action) {
    MDC.put("call", session.info().uniqueId());
    MDC.put("tenant", session.info().tenant());
    try {
      action.run();
    } finally {
      MDC.remove("call");
      MDC.remove("tenant");
    }
  }
}
