package io.tabula.engine.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for overdue replies ({@link SessionRegistry#expireOverdue}) on a thread of its own, every
 * {@link #PERIOD}.
 *
 * <p>Why not on an event loop: a pass over 10,000 calls follows pointers into memory the cache no
 * longer holds and takes milliseconds (JFR at 10,000 calls: 37 of the event loops' 78 Java samples
 * were in the sweep). On an event loop every connection of that loop waited for each pass. Here a
 * pass delays no reply; it only takes its share of CPU.
 *
 * <pre>{@code
 * try (ReplySweeper sweeper = ReplySweeper.start(sessions, ReplySweeper.PERIOD)) { ... }
 * }</pre>
 */
final class ReplySweeper implements AutoCloseable {

  /**
   * How often overdue replies are looked for: a reply timeout fires up to this much late. Timeouts
   * are seconds (call.commandTimeout 10 s, call.mediaTimeout 120 s by default), so 100 ms is well
   * inside their precision, and each pass costs CPU in proportion to the calls running.
   */
  static final Duration PERIOD = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(ReplySweeper.class);

  private final ScheduledExecutorService thread;

  private ReplySweeper(ScheduledExecutorService thread) {
    this.thread = thread;
  }

  static ReplySweeper start(SessionRegistry sessions, Duration period) {
    ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("agi-reply-sweep").daemon().factory());
    thread.scheduleAtFixedRate(
        () -> sweep(sessions), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    return new ReplySweeper(thread);
  }

  /** One pass; a failure is logged and the next pass runs anyway (a thrown one would stop them). */
  private static void sweep(SessionRegistry sessions) {
    try {
      sessions.expireOverdue();
    } catch (RuntimeException e) {
      LOG.warn("reply-timeout sweep failed ({}); trying again next time", e.getClass().getName());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
