package io.tabula.ops.access.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task at a fixed period until closed. {@link #daemon} is the real one; tests pass one they
 * tick by hand, so nothing waits for wall-clock time.
 */
public interface Repeater extends AutoCloseable {

  void every(Duration period, Runnable task);

  /** Stops running the task; a run in progress finishes first. */
  @Override
  void close();

  /** One daemon thread named {@code name}. */
  static Repeater daemon(String name) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> Thread.ofPlatform().name(name).daemon().unstarted(runnable));
    return new Repeater() {
      @Override
      public void every(Duration period, Runnable task) {
        executor.scheduleAtFixedRate(
            task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
      }

      @Override
      public void close() {
        executor.shutdown();
        try {
          if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
          }
        } catch (InterruptedException e) {
          executor.shutdownNow();
          Thread.currentThread().interrupt();
        }
      }
    };
  }
}
