package io.tabula.masking.memory;

/**
 * How much secret memory an engine reserves.
 *
 * @param slots how many calls can hold secrets at once (default {@value #DEFAULT_SLOTS})
 * @param slotBytes bytes per call (default {@value #DEFAULT_SLOT_BYTES}); a multiple of 64 so that
 *     slots never share a cache line
 * @param lockInMemory ask the OS to keep the pool out of swap ({@code mlock}); default on
 * @param excludeFromCoreDumps ask the OS to leave the pool out of core dumps ({@code
 *     madvise(MADV_DONTDUMP)}); default on
 */
public record CallMemoryPoolConfig(
    int slots, int slotBytes, boolean lockInMemory, boolean excludeFromCoreDumps) {

  public static final int DEFAULT_SLOTS = 10_000;
  public static final int DEFAULT_SLOT_BYTES = 4096;
  static final int SLOT_ALIGNMENT = 64;

  public CallMemoryPoolConfig {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
    if (slotBytes < SLOT_ALIGNMENT || slotBytes % SLOT_ALIGNMENT != 0) {
      throw new IllegalArgumentException(
          "slotBytes must be a positive multiple of " + SLOT_ALIGNMENT + ", was " + slotBytes);
    }
    if ((long) slots * slotBytes > Integer.MAX_VALUE * 4L) {
      throw new IllegalArgumentException(
          "slots x slotBytes is larger than 8 GiB; reduce one of them");
    }
  }

  /** The defaults: 10,000 slots of 4 KiB, locked and left out of core dumps. */
  public static CallMemoryPoolConfig defaults() {
    return new CallMemoryPoolConfig(DEFAULT_SLOTS, DEFAULT_SLOT_BYTES, true, true);
  }

  public CallMemoryPoolConfig withSlots(int newSlots) {
    return new CallMemoryPoolConfig(newSlots, slotBytes, lockInMemory, excludeFromCoreDumps);
  }

  public CallMemoryPoolConfig withSlotBytes(int newSlotBytes) {
    return new CallMemoryPoolConfig(slots, newSlotBytes, lockInMemory, excludeFromCoreDumps);
  }

  public long totalBytes() {
    return (long) slots * slotBytes;
  }
}
