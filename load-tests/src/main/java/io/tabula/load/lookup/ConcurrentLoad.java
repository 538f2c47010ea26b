package io.tabula.load.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one lookup operation from {@code concurrency} threads at once, each {@code perThread} times,
 * and records every latency. All threads start together on a latch so the database sees the full
 * concurrency from the first lookup.
 */
final class ConcurrentLoad {

  /** One lookup; returns normally when it produced the expected answer. */
  @FunctionalInterface
  interface Operation {
    void run() throws Exception;
  }

  private ConcurrentLoad() {}

  static LatencySummary measure(Operation operation, int concurrency, int perThread)
      throws InterruptedException, ExecutionException {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(concurrency)) {
      for (int t = 0; t < concurrency; t++) {
        results.add(threads.submit(() -> runThread(operation, perThread, start)));
      }
      long began = System.nanoTime();
      start.countDown();
      long[] all = new long[concurrency * perThread];
      int offset = 0;
      for (Future<long[]> result : results) {
        long[] latencies = result.get();
        System.arraycopy(latencies, 0, all, offset, latencies.length);
        offset += latencies.length;
      }
      return LatencySummary.of(all, System.nanoTime() - began);
    }
  }

  /**
   * Runs several operations interleaved: each thread takes them in turn (starting at a different
   * one per thread), so every operation sees the same machine at the same moment. On a shared, busy
   * machine this compares them far more fairly than rounds one after another.
   *
   * @return one summary per operation, in the given order
   */
  static List<LatencySummary> measureInterleaved(
      List<Operation> operations, int concurrency, int perThread)
      throws InterruptedException, ExecutionException {
    int kinds = operations.size();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[][]>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newFixedThreadPool(concurrency)) {
      for (int t = 0; t < concurrency; t++) {
        int first = t % kinds;
        results.add(threads.submit(() -> runInterleaved(operations, first, perThread, start)));
      }
      long began = System.nanoTime();
      start.countDown();
      long[][] all = new long[kinds][concurrency * perThread];
      for (int r = 0; r < results.size(); r++) {
        long[][] latencies = results.get(r).get();
        for (int k = 0; k < kinds; k++) {
          System.arraycopy(latencies[k], 0, all[k], r * perThread, perThread);
        }
      }
      long wall = System.nanoTime() - began;
      List<LatencySummary> summaries = new ArrayList<>();
      for (long[] latencies : all) {
        summaries.add(LatencySummary.of(latencies, wall));
      }
      return summaries;
    }
  }

  private static long[][] runInterleaved(
      List<Operation> operations, int first, int perOperation, CountDownLatch start)
      throws Exception {
    int kinds = operations.size();
    long[][] latencies = new long[kinds][perOperation];
    start.await();
    for (int i = 0; i < perOperation * kinds; i++) {
      int kind = (first + i) % kinds;
      long before = System.nanoTime();
      operations.get(kind).run();
      latencies[kind][i / kinds] = System.nanoTime() - before;
    }
    return latencies;
  }

  private static long[] runThread(Operation operation, int count, CountDownLatch start)
      throws Exception {
    long[] latencies = new long[count];
    start.await();
    for (int i = 0; i < count; i++) {
      long before = System.nanoTime();
      operation.run();
      latencies[i] = System.nanoTime() - before;
    }
    return latencies;
  }
}
