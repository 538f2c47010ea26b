package io.tabula.engine.cli;

import io.tabula.connectors.simulator.GatewaySimulator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When a {@code tabula simulator} run starts and stops. On the command line Ctrl-C (the JVM's
 * shutdown hook) stops it; a test stops it by hand and learns the port from {@link #started()}.
 */
final class SimulatorLifecycle {

  private final CompletableFuture<GatewaySimulator> started = new CompletableFuture<>();
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Completes once the simulator listens; fails if it could not start. */
  CompletableFuture<GatewaySimulator> started() {
    return started;
  }

  /** Asks the run to end; it prints its ledger summary, closes and returns. */
  void stop() {
    stop.countDown();
  }

  /** Stops the run and waits (bounded) until it has printed its summary and closed. */
  void stopAndWait(Duration limit) throws InterruptedException {
    stop();
    stopped.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  void awaitStop() throws InterruptedException {
    stop.await();
  }

  void markStarted(GatewaySimulator simulator) {
    started.complete(simulator);
  }

  void markStopped() {
    started.completeExceptionally(new IllegalStateException("the simulator did not start"));
    stopped.countDown();
  }
}
