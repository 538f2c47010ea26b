package io.tabula.flows.port;

import java.util.function.Consumer;

/**
 * A {@link CallHandler} that can also run with no thread of its own, advanced by the call's replies
 * through {@link CallSteps}. The engine runs such a handler on the call's event loop and any other
 * handler on a virtual thread; both ways do the same thing to the call.
 */
public interface SteppedCallHandler extends CallHandler {

  /**
   * Starts the call's logic and returns at once. {@code ended} runs exactly once when the logic is
   * over: with null when it finished as {@link #handle} would have returned, or with what {@link
   * #handle} would have thrown ({@link CallEndedException}, {@link CallPortException}, or another
   * exception, which the engine treats as a failed call).
   */
  void start(CallSteps call, Consumer<RuntimeException> ended);
}
