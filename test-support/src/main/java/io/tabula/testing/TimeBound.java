package io.tabula.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one fuzz input under a wall-clock bound, so that a parser that loops or backtracks for ever
 * fails the test with a clear message instead of hanging the build, and tells how many heap bytes
 * the input made the parser allocate (the JVM's per-thread allocation counter), so that a test can
 * hold a parser to its stated memory limit. The work runs on one reused daemon thread; the caller
 * waits for it.
 *
 * <pre>{@code
 * private static final TimeBound BOUND = TimeBound.of(Duration.ofSeconds(2));
 * long allocated = BOUND.run(() -> parser.parse(input));
 * assertThat(allocated).isLessThan(limit);
 * }</pre>
 */
public final class TimeBound {

  private final Duration limit;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "fuzz-input");
            thread.setDaemon(true);
            return thread;
          });

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private TimeBound(Duration limit) {
    this.limit = limit;
  }

  public static TimeBound of(Duration limit) {
    return new TimeBound(limit);
  }

  /** Work that may throw anything; what it throws is rethrown by {@link #run}. */
  @FunctionalInterface
  public interface Input {
    void run() throws Exception;
  }

  /**
   * Runs {@code input}, rethrowing what it throws; fails with an {@link AssertionError} when it
   * takes longer than the bound (the stuck thread is interrupted and abandoned).
   *
   * @return the heap bytes the input allocated on its thread
   */
  public long run(Input input) throws Exception {
    Future<Long> done =
        worker.submit(
            () -> {
              long id = Thread.currentThread().threadId();
              long before = THREADS.getThreadAllocatedBytes(id);
              input.run();
              return THREADS.getThreadAllocatedBytes(id) - before;
            });
    try {
      return done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      done.cancel(true);
      throw new AssertionError(
          "one input took longer than "
              + limit
              + ": the parser must end every input in bounded"
              + " time; keep the input as a regression input and find the loop",
          e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
