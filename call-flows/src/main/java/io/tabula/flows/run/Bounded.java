package io.tabula.flows.run;

import io.tabula.flows.port.CallEndedException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a connector call on its own virtual thread with a time limit, so a stuck database or
 * processor can never hold a caller for longer than the step allows.
 *
 * <p>The caller stops waiting at the limit even when the connector ignores the interrupt: the
 * worker is not joined (an executor's {@code close()} would wait for it). A late answer is dropped;
 * payments stay safe because a retry carries the same idempotency key.
 */
final class Bounded {

  private Bounded() {}

  /** The answer, or empty when it failed or took longer than {@code limit}. */
  static <T> Optional<T> call(Supplier<T> work, Duration limit) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread worker =
        Thread.ofVirtual()
            .name("tabula-connector")
            .start(
                () -> {
                  try {
                    answer.complete(work.get());
                  } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                  }
                });
    try {
      return Optional.ofNullable(answer.get(limit.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException | ExecutionException e) {
      worker.interrupt();
      return Optional.empty();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      throw new CallEndedException(CallEndedException.Reason.ENGINE_SHUTDOWN);
    }
  }
}
