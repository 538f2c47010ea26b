package io.tabula.load.agi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Counters and the turnaround histogram of one run; safe from every event-loop thread.
 *
 * <p>Example: {@code stats.turnaround(nanos)}, then {@code stats.turnaroundHistogram()} at the end.
 */
final class LoadStats {

  private final Recorder turnaround = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private final Recorder steadyTurnaround = new Recorder(3);
  private final Histogram steadyTotal = new Histogram(3);
  private volatile long steadyFrom = Long.MAX_VALUE;
  private final Recorder setup = new Recorder(3);
  private final Recorder teardown = new Recorder(3);
  private final Recorder connect = new Recorder(3);
  private final Histogram connectTotal = new Histogram(3);
  private final Histogram teardownTotal = new Histogram(3);
  private final Histogram setupTotal = new Histogram(3);
  private final LongAdder completed = new LongAdder();
  private final LongAdder commands = new LongAdder();
  private final LongAdder started = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

  /** A turnaround of {@code nanos} that ended at {@code at} ({@link System#nanoTime()}). */
  void turnaround(long nanos, long at) {
    turnaround.recordValue(Math.max(0, nanos));
    if (at - steadyFrom >= 0) {
      steadyTurnaround.recordValue(Math.max(0, nanos));
    }
  }

  /**
   * From when turnarounds also count as steady state: the end of the ramp-up, when every call slot
   * is in use and no more connections open than calls end.
   */
  void steadyFrom(long nanoTime) {
    steadyFrom = nanoTime;
  }

  /** From the header block sent to the engine's first command. */
  void setup(long nanos) {
    setup.recordValue(Math.max(0, nanos));
  }

  /** From the reply to the engine's HANGUP to the connection being gone. */
  void teardown(long nanos) {
    teardown.recordValue(Math.max(0, nanos));
  }

  /** From the connection attempt to the connection being established. */
  void connect(long nanos) {
    connect.recordValue(Math.max(0, nanos));
  }

  synchronized Histogram connectHistogram() {
    connectTotal.add(connect.getIntervalHistogram());
    return connectTotal.copy();
  }

  void command() {
    commands.increment();
  }

  void started() {
    started.increment();
  }

  void completed() {
    completed.increment();
  }

  void failed(String reason) {
    failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  long completedCount() {
    return completed.sum();
  }

  long startedCount() {
    return started.sum();
  }

  long commandCount() {
    return commands.sum();
  }

  long failedCount() {
    return failures.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> failuresByReason() {
    Map<String, Long> out = new java.util.TreeMap<>();
    failures.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * The turnarounds since the previous call of this method (or of {@link #turnaroundHistogram()}),
   * for the per-second progress lines: a tail that comes in bursts (a collector's pause, a stalled
   * thread) shows in the seconds it happened, where the run's p99 alone cannot tell it from a
   * uniform tail.
   */
  synchronized Histogram turnaroundInterval() {
    Histogram interval = turnaround.getIntervalHistogram();
    total.add(interval);
    return interval;
  }

  /** Everything recorded so far (accumulates interval snapshots). */
  synchronized Histogram turnaroundHistogram() {
    total.add(turnaround.getIntervalHistogram());
    return total.copy();
  }

  /** Turnarounds after the ramp-up only. */
  synchronized Histogram steadyTurnaroundHistogram() {
    steadyTotal.add(steadyTurnaround.getIntervalHistogram());
    return steadyTotal.copy();
  }

  synchronized Histogram teardownHistogram() {
    teardownTotal.add(teardown.getIntervalHistogram());
    return teardownTotal.copy();
  }

  synchronized Histogram setupHistogram() {
    setupTotal.add(setup.getIntervalHistogram());
    return setupTotal.copy();
  }
}
