package io.tabula.flows.run;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a connector call on its own virtual thread with a time limit, so a stuck database or
 * processor can never hold a caller for longer than the step allows.
 */
final class Bounded {

  private Bounded() {}

  /** The answer, or empty when it failed or took longer than {@code limit}. */
  static <T> Optional<T> call(Supplier<T> work, Duration limit) {
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      Future<T> future = executor.submit(work::get);
      try {
        return Optional.ofNullable(future.get(limit.toMillis(), TimeUnit.MILLISECONDS));
      } catch (TimeoutException | ExecutionException e) {
        future.cancel(true);
        return Optional.empty();
      } catch (InterruptedException e) {
        future.cancel(true);
        Thread.currentThread().interrupt();
        throw new io.tabula.flows.port.CallEndedException(
            io.tabula.flows.port.CallEndedException.Reason.ENGINE_SHUTDOWN);
      }
    }
  }
}
