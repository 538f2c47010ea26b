package io.tabula.masking.memory;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The life of every slot in one word each: the generation of its current owner, a "releasing" flag
 * and the number of operations in progress.
 *
 * <p>An operation enters only while the caller's generation is current and no release has begun. A
 * release sets the flag, waits until running operations leave, and the pool then zeroes the slot
 * and bumps the generation. This is what makes a stale handle fail instead of writing into the next
 * call's memory, even when a release races with a digit arriving on another thread.
 */
final class SlotStates {

  private static final long RELEASING = 1L << 31;
  private static final long OPERATIONS = RELEASING - 1;

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

  void exit(int slot) {
    states.decrementAndGet(slot);
  }

  boolean isLive(int slot, int generation) {
    long state = states.get(slot);
    return generationOf(state) == generation && (state & RELEASING) == 0;
  }

  /**
   * Claims the release of this generation. Exactly one caller wins; it returns once no operation is
   * running on the slot any more. Must not be called from inside a read callback of the same slot,
   * which would wait for itself.
   */
  boolean beginRelease(int slot, int generation) {
    while (true) {
      long state = states.get(slot);
      if (generationOf(state) != generation || (state & RELEASING) != 0) {
        return false;
      }
      if (states.compareAndSet(slot, state, state | RELEASING)) {
        break;
      }
    }
    while ((states.get(slot) & OPERATIONS) != 0) {
      Thread.onSpinWait();
    }
    return true;
  }

  /** Ends a release: the slot is zeroed and the next owner gets a new generation. */
  void finishRelease(int slot, int generation) {
    states.set(slot, ((long) (generation + 1)) << 32);
  }

  private static int generationOf(long state) {
    return (int) (state >>> 32);
  }
}
