package io.tabula.masking.memory;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free stack of free slot numbers: O(1) push and pop from any thread, no allocation.
 *
 * <p>The head carries a version tag in its upper half so that a pop racing with a pop and a push of
 * the same slot (the ABA problem) fails its compare-and-set instead of corrupting the list. Links
 * are stored as slot + 1 so that 0 can mean "end of list".
 */
final class FreeSlots {

  private static final int END = 0;

  private final AtomicIntegerArray next;
  private final AtomicLong head = new AtomicLong(END);

  FreeSlots(int slots) {
    this.next = new AtomicIntegerArray(slots);
    for (int slot = slots - 1; slot >= 0; slot--) {
      push(slot);
    }
  }

  /** Returns a free slot, or -1 when none is left. */
  int pop() {
    while (true) {
      long current = head.get();
      int link = (int) current;
      if (link == END) {
        return -1;
      }
      int slot = link - 1;
      long replacement = nextTag(current) | Integer.toUnsignedLong(next.get(slot));
      if (head.compareAndSet(current, replacement)) {
        return slot;
      }
    }
  }

  void push(int slot) {
    while (true) {
      long current = head.get();
      next.set(slot, (int) current);
      long replacement = nextTag(current) | (slot + 1);
      if (head.compareAndSet(current, replacement)) {
        return;
      }
    }
  }

  private static long nextTag(long headValue) {
    return ((headValue >>> 32) + 1) << 32;
  }
}
