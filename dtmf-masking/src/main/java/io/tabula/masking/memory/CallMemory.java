package io.tabula.masking.memory;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The secret memory of one call: a fixed-size, off-heap slot holding named digit fields.
 *
 * <p>Fields are laid out one after the other in the slot as the call defines them, each with a
 * fixed maximum number of digits. Releasing the memory zeroes the whole slot exactly once, however
 * many threads race to release it; every later use of this handle or of its fields throws {@link
 * StaleCallMemoryException}, even after the slot was handed to another call.
 *
 * <p>Field definition happens on the call's own thread. Digits may be appended from another thread
 * (the network event loop) as long as the hand-over to the reader goes through something that
 * orders memory, such as completing a future.
 */
public final class CallMemory implements AutoCloseable {

  /** The most fields one call can define. */
  public static final int MAX_FIELDS = 32;

  private final CallMemoryPool pool;
  private final int slot;
  private final int generation;
  private final MemorySegment segment;

  /** Room for two fields at first (a default list takes ten), grown by the flows with more. */
  private final List<SecretField> fields = new ArrayList<>(2);

  private long usedBytes;

  CallMemory(CallMemoryPool pool, int slot, int generation, MemorySegment segment) {
    this.pool = pool;
    this.slot = slot;
    this.generation = generation;
    this.segment = segment;
  }

  /**
   * The field of this name, defined on first use with room for {@code maxDigits} digits.
   *
   * @throws IllegalArgumentException when the name exists with another size
   * @throws SecretFieldException when the slot has no room or too many fields exist
   */
  public synchronized SecretField field(String name, int maxDigits) {
    if (maxDigits < 1) {
      throw new IllegalArgumentException("a field holds at least one digit: " + name);
    }
    enter();
    try {
      for (SecretField existing : fields) {
        if (existing.name().equals(name)) {
          if (existing.capacity() != maxDigits) {
            throw new IllegalArgumentException(
                "field '"
                    + name
                    + "' already holds up to "
                    + existing.capacity()
                    + " digits; it cannot be redefined for "
                    + maxDigits);
          }
          return existing;
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new SecretFieldException(
            SecretFieldException.Reason.TOO_MANY_FIELDS,
            "a call can define at most "
                + MAX_FIELDS
                + " secret fields; '"
                + name
                + "' is one more");
      }
      if (usedBytes + maxDigits > segment.byteSize()) {
        throw new SecretFieldException(
            SecretFieldException.Reason.SLOT_FULL,
            "field '"
                + name
                + "' needs "
                + maxDigits
                + " bytes but the call's slot has "
                + (segment.byteSize() - usedBytes)
                + " left; raise the slot size");
      }
      SecretField field = new SecretField(this, name, usedBytes, maxDigits);
      usedBytes += maxDigits;
      fields.add(field);
      return field;
    } finally {
      exit();
    }
  }

  /** The field of this name if the call defined it. */
  public synchronized Optional<SecretField> find(String name) {
    checkLive();
    for (SecretField field : fields) {
      if (field.name().equals(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }

  /** The fields defined so far, in definition order. */
  public synchronized List<SecretField> fields() {
    checkLive();
    return List.copyOf(fields);
  }

  /**
   * Zeroes the whole slot and gives it back to the pool, exactly once, without ever waiting: safe
   * on an event loop. Every later use of this handle or its fields throws. When an operation of
   * this call is still running on another thread (a {@link SecretField#read} callback, an append),
   * the zeroing happens as the last of them leaves, a moment later; the slot is never zeroed under
   * a running operation and never handed out before it is zero.
   *
   * @return true for the one caller that claimed the release; false if it had already happened
   */
  public boolean release() {
    return pool.release(slot, generation);
  }

  /** Same as {@link #release()}, for try-with-resources. */
  @Override
  public void close() {
    release();
  }

  public boolean isReleased() {
    return !pool.states().isLive(slot, generation);
  }

  /** The size of the slot, which is what a release zeroes. */
  public int slotBytes() {
    return (int) segment.byteSize();
  }

  MemorySegment segment() {
    return segment;
  }

  /** The slot number, for diagnostics such as {@link CallMemoryPool#slotIsZero(int)}. */
  public int slot() {
    return slot;
  }

  void enter() {
    if (!pool.states().enter(slot, generation)) {
      throw new StaleCallMemoryException("call memory");
    }
  }

  void enter(SecretField field) {
    if (!pool.states().enter(slot, generation)) {
      throw new StaleCallMemoryException("secret field '" + field.name() + "'");
    }
  }

  void exit() {
    pool.exit(slot, generation);
  }

  private void checkLive() {
    if (isReleased()) {
      throw new StaleCallMemoryException("call memory");
    }
  }

  @Override
  public synchronized String toString() {
    if (isReleased()) {
      return "CallMemory[released]";
    }
    return "CallMemory[slot " + slot + ", " + segment.byteSize() + " bytes, fields " + fields + "]";
  }
}
