package io.tabula.masking.memory;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The life of every slot in one word each: the generation of its current owner, a "releasing" flag
 * and the number of operations in progress.
 *
 * <p>An operation enters only while the caller's generation is current and no release has begun. A
 * release sets the flag and never waits: if no operation runs at that moment the releaser zeroes
 * the slot, otherwise the last operation to leave does. Exactly one thread sees the count reach
 * zero with the flag set, so the slot is zeroed exactly once, and never under a running operation.
 * The pool then bumps the generation. This is what makes a stale handle fail instead of writing
 * into the next call's memory, even when a release races with a digit arriving on another thread,
 * and it lets a release run on an event loop while a reader on another thread is still inside its
 * callback.
 */
final class SlotStates {

  private static final long RELEASING = 1L << 31;
  private static final long OPERATIONS = RELEASING - 1;

  /** What a call to {@link #beginRelease} decided. */
  enum Release {
    /** Another caller released this generation already, or the handle is stale. */
    NOT_MINE,
    /** Claimed, and no operation runs: the caller zeroes the slot now. */
    ZERO_NOW,
    /** Claimed while operations run: the last of them zeroes the slot as it leaves. */
    LAST_OPERATION_ZEROES
  }

  private final AtomicLongArray states;

  SlotStates(int slots) {
    this.states = new AtomicLongArray(slots);
  }

  int generation(int slot) {
    return generationOf(states.get(slot));
  }

  /** Returns false when the handle of this generation is stale or its slot is being released. */
  boolean enter(int slot, int generation) {
    while (true) {
      long state = states.get(slot);
      if (generationOf(state) != generation || (state & RELEASING) != 0) {
        return false;
      }
      if (states.compareAndSet(slot, state, state + 1)) {
        return true;
      }
    }
  }

  /**
   * Leaves an operation. Returns true for the one operation that leaves last after a release was
   * claimed: that caller must now zero the slot and {@link #finishRelease finish} the release.
   */
  boolean exit(int slot) {
    long state = states.decrementAndGet(slot);
    return (state & (RELEASING | OPERATIONS)) == RELEASING;
  }

  boolean isLive(int slot, int generation) {
    long state = states.get(slot);
    return generationOf(state) == generation && (state & RELEASING) == 0;
  }

  /** Whether a release was claimed and its zeroing has not finished (operations still inside). */
  boolean releasePending(int slot) {
    return (states.get(slot) & RELEASING) != 0;
  }

  /**
   * Claims the release of this generation; exactly one caller wins. Never waits, so it is safe on
   * an event loop and from inside a read callback of the same slot.
   */
  Release beginRelease(int slot, int generation) {
    while (true) {
      long state = states.get(slot);
      if (generationOf(state) != generation || (state & RELEASING) != 0) {
        return Release.NOT_MINE;
      }
      if (states.compareAndSet(slot, state, state | RELEASING)) {
        return (state & OPERATIONS) == 0 ? Release.ZERO_NOW : Release.LAST_OPERATION_ZEROES;
      }
    }
  }

  /** Ends a release: the slot is zeroed and the next owner gets a new generation. */
  void finishRelease(int slot, int generation) {
    states.set(slot, ((long) (generation + 1)) << 32);
  }

  private static int generationOf(long state) {
    return (int) (state >>> 32);
  }
}
