package io.tabula.connectors.simulator;

import java.util.concurrent.atomic.LongAdder;

/**
 * Time the simulator spent on requests, from a complete request to its reply being written,
 * including the configured latency. Lets a benchmark split a payment's time between the engine and
 * the processor.
 */
public final class SimulatorStats {

  private final LongAdder replies = new LongAdder();
  private final LongAdder nanos = new LongAdder();

  void record(long elapsedNanos) {
    replies.increment();
    nanos.add(elapsedNanos);
  }

  public long replies() {
    return replies.sum();
  }

  public long busyNanos() {
    return nanos.sum();
  }

  public void reset() {
    replies.reset();
    nanos.reset();
  }
}
