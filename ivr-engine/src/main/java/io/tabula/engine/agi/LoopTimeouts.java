package io.tabula.engine.agi;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-connection timeouts of one event loop (a connection's header deadline, a call's close
 * linger) in one ring of flat arrays, checked by one periodic task of the loop, instead of a Netty
 * timer per connection. A Netty timer is a lambda and a {@code ScheduledFutureTask} per call, put
 * into and taken out of the loop's priority queue (profile at 10,000 calls: the header timer
 * scheduled then cancelled, and the close linger, each showed per call).
 *
 * <p>Precision: a timeout fires between its deadline and one {@link #PERIOD} after it. The check
 * runs only while timeouts are pending (an idle loop is not woken), and reads the loop's own clock
 * ({@code ticker()}), so virtual time in tests moves it too.
 *
 * <p>Entries are kept in the order they were added, which is not the order of their deadlines: the
 * header deadline (5 s by default) and the close linger (2 s) share the ring, so each pass looks at
 * every entry held (a few at a time: a header arrives within milliseconds, Asterisk closes right
 * after its closing {@code HANGUP}). A fired or cancelled entry is emptied at once (its owner is
 * not kept alive until its deadline); the ring's head moves past empty entries. Only on the loop.
 *
 * <pre>{@code
 * LoopTimeouts timeouts = LoopTimeouts.of(ctx.executor());
 * long ticket = timeouts.add(this, Duration.ofSeconds(5)); // this.timedOut() in 5 s
 * timeouts.cancel(ticket);                                 // or not at all
 * }</pre>
 */
public final class LoopTimeouts {

  /** How often pending timeouts are checked: how late one may fire. */
  public static final Duration PERIOD = Duration.ofMillis(100);

  /** Told on the loop when its deadline passed, unless it was cancelled. */
  public interface Timeout {
    void timedOut();
  }

  private static final FastThreadLocal<LoopTimeouts> OF_LOOP = new FastThreadLocal<>();
  private static final Logger LOG = LoggerFactory.getLogger(LoopTimeouts.class);

  private final EventExecutor loop;
  private final Runnable check = this::check;
  private Timeout[] owners = new Timeout[64];
  private long[] deadlines = new long[64];

  /** Tickets ever handed out ({@link #tail}) and the oldest one still held ({@link #head}). */
  private long head;

  private long tail;
  private ScheduledFuture<?> checking;

  private LoopTimeouts(EventExecutor loop) {
    this.loop = loop;
  }

  /**
   * The timeouts of {@code loop}; the caller runs on it. One per loop thread; a thread that drives
   * several loops one after another (tests' embedded channels) gets one per loop it asks about
   * last.
   */
  public static LoopTimeouts of(EventExecutor loop) {
    LoopTimeouts timeouts = OF_LOOP.get();
    if (timeouts == null || timeouts.loop != loop) {
      timeouts = new LoopTimeouts(loop);
      OF_LOOP.set(timeouts);
    }
    return timeouts;
  }

  /** {@code owner.timedOut()} once {@code delay} passed; returns the ticket that cancels it. */
  public long add(Timeout owner, Duration delay) {
    if (tail - head == owners.length) {
      grow();
    }
    long ticket = tail++;
    int at = slot(ticket);
    owners[at] = owner;
    deadlines[at] = loop.ticker().nanoTime() + delay.toNanos();
    if (checking == null) {
      long period = PERIOD.toNanos();
      checking = loop.scheduleAtFixedRate(check, period, period, TimeUnit.NANOSECONDS);
    }
    return ticket;
  }

  /** Forgets the timeout of {@code ticket}, if it has not fired yet. */
  public void cancel(long ticket) {
    if (ticket >= head && ticket < tail) {
      owners[slot(ticket)] = null;
      skipCancelled();
    }
  }

  /** Entries from the head on: pending ones, and fired or cancelled ones not yet passed over. */
  int held() {
    return (int) (tail - head);
  }

  private void check() {
    long now = loop.ticker().nanoTime();
    // The fields are read again at every step: an owner told here may add (the ring may grow) or
    // cancel (the head may move) on the way.
    for (long ticket = head; ticket < tail; ticket++) {
      int at = slot(ticket);
      Timeout owner = owners[at];
      if (owner != null && deadlines[at] - now <= 0) {
        owners[at] = null;
        fire(owner);
      }
    }
    skipCancelled();
    if (head == tail) {
      // Nothing pending: stop until the next add, so an idle loop sleeps.
      checking.cancel(false);
      checking = null;
    }
  }

  /**
   * A failure is logged and the pass goes on: thrown out of the periodic task, it would stop the
   * task for good, and with it every timeout of the loop.
   */
  private static void fire(Timeout owner) {
    try {
      owner.timedOut();
    } catch (RuntimeException e) {
      LOG.warn("a connection timeout failed ({}); the others still run", e.getClass().getName());
    }
  }

  private void skipCancelled() {
    while (head < tail && owners[slot(head)] == null) {
      head++;
    }
  }

  /** Twice the room; each held ticket keeps its place modulo the new length. */
  private void grow() {
    Timeout[] moreOwners = new Timeout[owners.length * 2];
    long[] moreDeadlines = new long[moreOwners.length];
    for (long ticket = head; ticket < tail; ticket++) {
      int from = slot(ticket);
      int to = (int) (ticket & (moreOwners.length - 1));
      moreOwners[to] = owners[from];
      moreDeadlines[to] = deadlines[from];
    }
    owners = moreOwners;
    deadlines = moreDeadlines;
  }

  private int slot(long ticket) {
    return (int) (ticket & (owners.length - 1));
  }
}
