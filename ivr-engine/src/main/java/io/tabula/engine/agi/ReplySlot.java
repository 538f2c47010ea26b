package io.tabula.engine.agi;

import io.netty.channel.EventLoop;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the reply to one command lands: the event loop completes it, and either the call's thread
 * waits on it ({@link #await}) or a listener runs on the call's event loop once it settles ({@link
 * #listen}, for calls run without a thread of their own). The first completion wins (reply, failure
 * or deadline), so the reply, the call's end and the reply-timeout sweep may race safely.
 *
 * <p>Why not a {@code CompletableFuture} with {@code get(timeout)}: a timed park of a virtual
 * thread schedules and cancels a timer task in the virtual-thread scheduler for every command,
 * which woke the scheduler's timer thread once per command and cost more than the command itself.
 * Here the waiter parks without a timer; the deadline is enforced by a periodic sweep over the
 * engine's calls ({@link #expireIfOverdue}), whose cost does not grow with the command rate.
 *
 * <pre>{@code
 * ReplySlot slot = new ReplySlot();
 * slot.deadline(System.nanoTime() + limit.toNanos());
 * // event loop: slot.complete(reply);   sweep: slot.expireIfOverdue(System.nanoTime());
 * AgiReply reply = slot.await();          // call's thread; throws if failed or overdue
 * // or, before the command goes: slot.listen(listener, channel.eventLoop());
 * //   listener.settled(slot) then runs on the loop and reads slot.reply()
 * }</pre>
 */
public final class ReplySlot {

  /**
   * Runs on the call's event loop once a slot settles: inline when the loop settled it (every reply
   * does), through the loop's task queue when the sweep or the call's end did.
   */
  @FunctionalInterface
  public interface Listener {
    void settled(ReplySlot slot);
  }

  /** The state of a slot whose deadline passed before a reply came. */
  private static final Object OVERDUE = new Object();

  private static final VarHandle GENERATION;
  private static final VarHandle STATE;
  private static final VarHandle HAS_DEADLINE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      GENERATION = lookup.findVarHandle(ReplySlot.class, "generation", long.class);
      STATE = lookup.findVarHandle(ReplySlot.class, "state", Object.class);
      HAS_DEADLINE = lookup.findVarHandle(ReplySlot.class, "hasDeadline", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * Which command the slot serves and whether it settled: odd while its reply is awaited, even once
   * settled. The first settlement wins by moving it from odd to even; {@link #rearm} moves it on to
   * the next odd number. A settlement that read an older number (the sweep, late) cannot win
   * against a newer command, so a slot can be used for one command after another.
   *
   * <p>Volatile reads, but the owner's writes are release stores ({@link #rearm}): the settlement
   * is a compare-and-set, and everything else the owner writes reaches other threads through the
   * session's volatile {@code current} when the command is sent. Each volatile store is a full
   * fence on x86, and a command made nine of them here (docs/engine.md, "Java per command (session
   * 12)").
   */
  private volatile long generation = 1;

  /**
   * null while waiting; then an {@link AgiReply}, a {@link Throwable} or {@link #OVERDUE}, written
   * by the settlement that won {@link #generation}: a volatile store when a thread may wait (see
   * {@link #waiter}), a release store for a listening slot, which has no waiter to miss.
   */
  private volatile Object state;

  /**
   * The parked thread. Both fields are volatile (not acquire/release): the waiter writes {@code
   * waiter} then reads {@code state}, the completer writes {@code state} then reads {@code waiter},
   * and only sequentially consistent accesses keep one of them from missing the other.
   */
  private volatile Thread waiter;

  /**
   * Written before {@link #hasDeadline} is released, read after it is acquired: the sweep that sees
   * the flag sees this command's deadline.
   */
  private long deadline = Long.MAX_VALUE;

  @SuppressWarnings("unused") // through HAS_DEADLINE
  private boolean hasDeadline;

  /**
   * Set before the slot is shared (before its command goes), so every settlement sees it; the first
   * settlement is the only one that gets past the compare-and-set, so it runs once.
   */
  private Listener listener;

  private EventLoop listenerLoop;

  /**
   * Sets when the reply is overdue, in {@link System#nanoTime()} terms; before the command goes.
   */
  public void deadline(long nanoTime) {
    deadline = nanoTime;
    HAS_DEADLINE.setRelease(this, true);
  }

  /**
   * Runs {@code listener} once the slot settles, on {@code loop}. Call it before anyone else can
   * see the slot (before its command is sent): the slot has no waiting thread then.
   */
  public void listen(Listener listener, EventLoop loop) {
    this.listenerLoop = loop;
    this.listener = listener;
    if (state != null) {
      notifyListener(listener, loop);
    }
  }

  /** Whether a thread waits on the slot now (for tests of the wake-up). */
  boolean hasWaiter() {
    return waiter != null;
  }

  /** Whether {@link #deadline} was set. */
  public boolean hasDeadline() {
    return (boolean) HAS_DEADLINE.getAcquire(this);
  }

  /** The deadline set with {@link #deadline}, in {@link System#nanoTime()} terms. */
  public long deadlineNanos() {
    return deadline;
  }

  /** Event loop: the reply arrived. Returns false if the slot was already done. */
  public boolean complete(AgiReply reply) {
    return settle(reply);
  }

  /**
   * Event loop: the reply arrived; the waiting thread, if any, is woken with the others of this
   * loop iteration ({@link LoopWakeups}), or at once when {@code wakeups} is null.
   */
  public boolean complete(AgiReply reply, LoopWakeups wakeups) {
    return settle(reply, wakeups);
  }

  /** Any thread: the command failed (call ended, write failed, field refused the digits). */
  public boolean fail(Throwable cause) {
    return settle(cause);
  }

  /** Sweep: fails the slot as overdue if its deadline passed. Returns whether it did. */
  public boolean expireIfOverdue(long nowNanos) {
    // The generation first: a deadline read after it belongs to that command or a later one, and
    // a later one moved the generation on, so the settlement below fails.
    long awaited = generation;
    return hasDeadline() && nowNanos - deadline >= 0 && settle(awaited, OVERDUE, null);
  }

  /**
   * Makes a settled slot wait for the reply to another command, so that a call sends command after
   * command with one slot (no slot per command). Only whoever runs the call, after the slot settled
   * and its listener ran; {@link #deadline} and {@link #listen} are set again for the new command.
   *
   * @throws IllegalStateException if the slot has not settled
   */
  public void rearm() {
    long settled = generation;
    if ((settled & 1) != 0 || state == null) {
      throw new IllegalStateException("a reply slot is reused only once it settled");
    }
    // Plain and release stores: only the owner writes here, and the settled slot has no waiter
    // (await clears it before it returns), so nothing here needs a full fence.
    HAS_DEADLINE.setRelease(this, false);
    deadline = Long.MAX_VALUE;
    listener = null;
    listenerLoop = null;
    STATE.setRelease(this, null);
    // Published last: whoever reads it sees the fields above.
    GENERATION.setRelease(this, settled + 1);
  }

  public boolean isDone() {
    return state != null;
  }

  /** Whether the slot ended with a failure or overdue rather than a reply. */
  public boolean isFailed() {
    Object s = state;
    return s != null && !(s instanceof AgiReply);
  }

  /**
   * Parks the calling thread until the slot is done.
   *
   * @return the reply
   * @throws ReplyFailedException if the command failed; its cause says why
   * @throws ReplyOverdueException if the deadline passed first
   * @throws InterruptedException if the waiting thread was interrupted
   */
  public AgiReply await() throws InterruptedException {
    awaitDone();
    return reply();
  }

  /**
   * Parks the calling thread until the slot is done, however it ended; {@link #reply} then says
   * how.
   *
   * @throws InterruptedException if the waiting thread was interrupted
   */
  public void awaitDone() throws InterruptedException {
    if (state != null) {
      return;
    }
    waiter = Thread.currentThread();
    while (state == null) {
      LockSupport.park(this);
      if (Thread.interrupted()) {
        waiter = null;
        throw new InterruptedException();
      }
    }
    waiter = null;
  }

  /**
   * The outcome of a settled slot.
   *
   * @return the reply
   * @throws ReplyFailedException if the command failed; its cause says why
   * @throws ReplyOverdueException if the deadline passed first
   * @throws IllegalStateException if the slot has not settled yet
   */
  public AgiReply reply() {
    return switch (state) {
      case null -> throw new IllegalStateException("the reply has not arrived yet");
      case AgiReply reply -> reply;
      case Throwable cause -> throw new ReplyFailedException(cause);
      default -> throw new ReplyOverdueException();
    };
  }

  private boolean settle(Object outcome) {
    return settle(generation, outcome, null);
  }

  private boolean settle(Object outcome, LoopWakeups wakeups) {
    return settle(generation, outcome, wakeups);
  }

  /**
   * The first outcome for the command of generation {@code awaited} wins; its waiter is woken at
   * once, or with its loop's others.
   */
  private boolean settle(long awaited, Object outcome, LoopWakeups wakeups) {
    if ((awaited & 1) == 0 || !GENERATION.compareAndSet(this, awaited, awaited + 1)) {
      return false;
    }
    Listener listening = listener;
    if (listening != null) {
      STATE.setRelease(this, outcome);
      if (wakeups != null && wakeups.runs(listenerLoop)) {
        listening.settled(this); // the loop's own reply, known to be on it: no second check
      } else {
        notifyListener(listening, listenerLoop);
      }
      return true;
    }
    state =
        outcome; // volatile: the waiter's check of state and this read of waiter must not both miss
    Thread parked = waiter;
    if (parked == null) {
      return true;
    }
    if (wakeups == null) {
      LockSupport.unpark(parked);
    } else {
      wakeups.wakeLater(parked);
    }
    return true;
  }

  /**
   * Inline on the loop (no task, no allocation: the path of every reply); otherwise a task on it. A
   * loop that no longer takes tasks (engine shut down) gets the listener run here, so the call's
   * logic still learns how its command ended.
   */
  private void notifyListener(Listener listening, EventLoop loop) {
    if (loop.inEventLoop()) {
      listening.settled(this);
      return;
    }
    try {
      loop.execute(() -> listening.settled(this));
    } catch (RejectedExecutionException e) {
      listening.settled(this);
    }
  }

  /** The command failed; {@link #getCause()} says why. */
  public static final class ReplyFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplyFailedException(Throwable cause) {
      // No stack trace of its own: the cause has one if it matters, and every call that ends
      // while a command waits (all of them) made one here (docs/engine.md, "Work per call").
      super(cause.getClass().getSimpleName(), cause, false, false);
    }
  }

  /** No reply came before the slot's deadline. */
  public static final class ReplyOverdueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReplyOverdueException() {
      super("no reply before the deadline", null, false, false);
    }
  }
}
