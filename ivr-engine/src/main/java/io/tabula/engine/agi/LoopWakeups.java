package io.tabula.engine.agi;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the call threads whose replies one event-loop iteration read, together, once the iteration
 * is over, instead of one by one as each reply is decoded.
 *
 * <p>Why: waking a call's virtual thread from the event loop wakes a carrier thread ({@code
 * futex}), and on a busy core the woken carrier takes the core at once, runs the call to its next
 * command, parks again and hands the core back: two context switches per command (profile: 12.7 %
 * of the engine's CPU in {@code finish_task_switch}, 7.5 % in the carrier's search for work). Here
 * the loop wakes one short-lived virtual thread per iteration, which wakes the rest from the
 * carrier: a wake-up from a carrier goes to the carrier's own queue without waking another thread,
 * so the carrier runs the woken calls one after another.
 *
 * <p>Only the wake-up waits, never the reply: the slot is settled at once, and a call whose thread
 * has not parked yet sees its reply without waiting at all. A loop that no longer takes tasks gets
 * its wake-ups done on the spot.
 *
 * <pre>{@code
 * slot.complete(reply, LoopWakeups.of(channel.eventLoop())); // on the channel's event loop
 * }</pre>
 */
public final class LoopWakeups {

  private static final FastThreadLocal<LoopWakeups> OF_LOOP = new FastThreadLocal<>();

  private final SingleThreadEventLoop loop;
  private final Runnable flush = this::flush;
  private Thread[] pending = new Thread[16];
  private int count;

  private LoopWakeups(SingleThreadEventLoop loop) {
    this.loop = loop;
  }

  /**
   * The wake-ups of {@code loop}, when the caller runs on it and it can run code after each
   * iteration; null otherwise (the caller then wakes threads itself).
   */
  public static LoopWakeups of(EventLoop loop) {
    if (!(loop instanceof SingleThreadEventLoop single) || !single.inEventLoop()) {
      return null;
    }
    LoopWakeups wakeups = OF_LOOP.get();
    if (wakeups == null || wakeups.loop != single) {
      wakeups = new LoopWakeups(single);
      OF_LOOP.set(wakeups);
    }
    return wakeups;
  }

  /**
   * Whether these are {@code other}'s wake-ups: {@link #of} returned them on their loop, so whoever
   * holds them runs on {@code other} without asking it again.
   */
  boolean runs(EventLoop other) {
    return loop == other;
  }

  /** Wakes {@code thread} after this iteration of the loop. Only on the loop. */
  void wakeLater(Thread thread) {
    if (count == 0) {
      try {
        loop.executeAfterEventLoopIteration(flush);
      } catch (RejectedExecutionException e) {
        LockSupport.unpark(thread); // the loop is shutting down: no iteration may follow
        return;
      }
    }
    if (count == pending.length) {
      pending = Arrays.copyOf(pending, count * 2);
    }
    pending[count++] = thread;
  }

  private void flush() {
    int n = count;
    count = 0;
    if (n == 1) {
      Thread only = pending[0];
      pending[0] = null;
      LockSupport.unpark(only);
      return;
    }
    Thread[] batch = Arrays.copyOf(pending, n);
    Arrays.fill(pending, 0, n, null);
    try {
      Thread.ofVirtual().name("agi-wakeups").start(() -> unparkAll(batch));
    } catch (RuntimeException | OutOfMemoryError e) {
      unparkAll(batch); // no thread for the batch: wake them from here, one by one, as before
    }
  }

  private static void unparkAll(Thread[] batch) {
    for (Thread thread : batch) {
      LockSupport.unpark(thread);
    }
  }
}
