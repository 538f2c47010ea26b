package io.tabula.engine.server;

import io.tabula.flows.port.CallPort;
import io.tabula.flows.port.CallSteps;
import io.tabula.flows.port.SteppedCallHandler;
import io.tabula.flows.port.Then;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Stepped handlers for tests, written as chains of continuations; records the thread every
 * continuation ran on, so a test can say that none ran on a thread of the call's own.
 */
final class SteppedHandlers {

  /** The threads the continuations (and the start) ran on, in order. */
  final List<Thread> threads = new CopyOnWriteArrayList<>();

  /** A handler that runs {@code start}; running it on a thread of its own fails the test. */
  SteppedCallHandler of(BiConsumer<CallSteps, Consumer<RuntimeException>> start) {
    return new SteppedCallHandler() {
      @Override
      public void start(CallSteps call, Consumer<RuntimeException> ended) {
        threads.add(Thread.currentThread());
        start.accept(call, ended);
      }

      @Override
      public void handle(CallPort call) {
        throw new AssertionError("a stepped handler was run on a thread of its own");
      }
    };
  }

  /** What the scripts' operations failed with, in order. */
  final List<RuntimeException> failures = new CopyOnWriteArrayList<>();

  /** One operation of a script: it calls {@code next} once it is done, or {@code failed}. */
  interface Step {
    void run(CallSteps call, Runnable next, Consumer<RuntimeException> failed);
  }

  /**
   * A handler that runs {@code steps} one after another and then ends normally; the first failure
   * is recorded in {@link #failures} and ends the call with it.
   */
  SteppedCallHandler script(Step... steps) {
    return of(
        (call, ended) -> {
          Consumer<RuntimeException> failed =
              e -> {
                failures.add(e);
                ended.accept(e);
              };
          runFrom(0, steps, call, () -> ended.accept(null), failed);
        });
  }

  private static void runFrom(
      int index, Step[] steps, CallSteps call, Runnable atEnd, Consumer<RuntimeException> failed) {
    if (index == steps.length) {
      atEnd.run();
      return;
    }
    steps[index].run(call, () -> runFrom(index + 1, steps, call, atEnd, failed), failed);
  }

  /** A continuation: {@code next} with the value, or {@code failed}. */
  <T> Then<T> then(Consumer<T> next, Consumer<RuntimeException> failed) {
    return new Then<>() {
      @Override
      public void done(T value) {
        threads.add(Thread.currentThread());
        next.accept(value);
      }

      @Override
      public void failed(RuntimeException failure) {
        threads.add(Thread.currentThread());
        failed.accept(failure);
      }
    };
  }

  /** Whether any continuation ran on a virtual thread. */
  boolean anyOnVirtualThread() {
    return threads.stream().anyMatch(Thread::isVirtual);
  }
}
