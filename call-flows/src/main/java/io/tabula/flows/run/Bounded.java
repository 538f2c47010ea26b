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
 * Runs a connector call on its own virtual thread with a time limit.
 *
 * <p>{@link #call} is for lookups: the caller stops waiting at the limit even when the connector
 * ignores the interrupt, and a late answer is dropped. {@link #callToEnd} is for charges: at the
 * limit the worker is interrupted and then still waited for, because an interrupt is not an end; a
 * charge that is still running may still charge, and it still reads the card fields.
 */
final class Bounded {

  private Bounded() {}

  /** The answer, or empty when it failed or took longer than {@code limit}. */
  static <T> Optional<T> call(Supplier<T> work, Duration limit) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread worker = start(work, answer);
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

  /**
   * How a joined call ended: its answer (empty when it threw), whether it ran past the limit, and
   * whether the waiting thread was interrupted meanwhile (its interrupt flag is set again).
   */
  record Ended<T>(Optional<T> answer, boolean overran, boolean interrupted) {}

  /**
   * Runs {@code work} and returns only once its thread has ended. At {@code limit}, or when the
   * waiting thread is interrupted, the worker is interrupted and {@code onOverrun} runs; then the
   * wait goes on until the worker is done.
   */
  static <T> Ended<T> callToEnd(Supplier<T> work, Duration limit, Runnable onOverrun) {
    CompletableFuture<T> answer = new CompletableFuture<>();
    Thread worker = start(work, answer);
    boolean overran = false;
    boolean interrupted = false;
    try {
      answer.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      overran = true;
    } catch (InterruptedException e) {
      interrupted = true;
    } catch (ExecutionException e) {
      // The work threw: its thread is ending; joined below like any other.
    }
    if (overran || interrupted) {
      worker.interrupt();
      onOverrun.run();
    }
    interrupted |= joinUninterruptibly(worker);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    // Not done after the join only when the work threw an Error: no answer either way.
    boolean answered = answer.isDone() && !answer.isCompletedExceptionally();
    return new Ended<>(
        answered ? Optional.ofNullable(answer.getNow(null)) : Optional.empty(),
        overran,
        interrupted);
  }

  /** Waits for {@code worker} to end; true when the waiting thread was interrupted meanwhile. */
  private static boolean joinUninterruptibly(Thread worker) {
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private static <T> Thread start(Supplier<T> work, CompletableFuture<T> answer) {
    return Thread.ofVirtual()
        .name("tabula-connector")
        .start(
            () -> {
              try {
                answer.complete(work.get());
              } catch (RuntimeException e) {
                answer.completeExceptionally(e);
              }
            });
  }
}
