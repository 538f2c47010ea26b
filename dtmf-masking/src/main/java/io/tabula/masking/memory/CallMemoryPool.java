package io.tabula.masking.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one reservation of secret memory, cut into fixed-size slots, one per call.
 *
 * <p>The memory is reserved once, off the Java heap, page-aligned, locked against swapping and left
 * out of core dumps where the OS allows it. {@link #acquire()} and {@link CallMemory#release()} are
 * O(1), lock-free and safe from any thread. A slot is zeroed before it can be handed out again.
 *
 * <pre>{@code
 * try (CallMemoryPool pool = CallMemoryPool.open(CallMemoryPoolConfig.defaults())) {
 *   if (pool.acquire() instanceof Acquisition.Acquired(CallMemory memory)) {
 *     try (memory) {
 *       SecretField pan = memory.field("pan", 19);
 *       ...
 *     } // zeroed here, exactly once
 *   }
 * }
 * }</pre>
 */
public final class CallMemoryPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CallMemoryPool.class);
  private static final long PAGE = 4096;

  /** How long {@link #close()} waits for operations still running on slots (one second). */
  static final long CLOSE_WAIT_NANOS = 1_000_000_000L;

  private final CallMemoryPoolConfig config;
  private final Arena arena;
  private final MemorySegment memory;
  private final MemorySegment[] slotSegments;
  private final SlotStates states;
  private final FreeSlots freeSlots;
  private final AtomicInteger inUse = new AtomicInteger();
  private final LongAdder zeroings = new LongAdder();
  private final LongAdder zeroingNanos = new LongAdder();
  private volatile long lastZeroingNanos;
  private final LongAdder rejections = new LongAdder();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean memoryFreed;
  private final MemoryProtections protections;

  private CallMemoryPool(CallMemoryPoolConfig config) {
    this.config = config;
    this.arena = Arena.ofShared();
    this.memory = arena.allocate(config.totalBytes(), PAGE);
    this.slotSegments = new MemorySegment[config.slots()];
    for (int slot = 0; slot < config.slots(); slot++) {
      slotSegments[slot] = memory.asSlice((long) slot * config.slotBytes(), config.slotBytes());
    }
    this.states = new SlotStates(config.slots());
    this.freeSlots = new FreeSlots(config.slots());
    this.protections = NativeMemoryGuard.protect(memory, config);
    LOG.info(
        "Call memory: {} slots of {} bytes ({} KiB off-heap); protections: {}",
        config.slots(),
        config.slotBytes(),
        config.totalBytes() / 1024,
        protections.summary());
  }

  /** Reserves the pool's memory. Close the pool to give it back. */
  public static CallMemoryPool open(CallMemoryPoolConfig config) {
    return new CallMemoryPool(config);
  }

  /** A slot for a new call, or {@link Acquisition.EngineFull} when every slot is taken. */
  public Acquisition acquire() {
    if (closed.get()) {
      throw new IllegalStateException("the call memory pool is closed; the engine is stopping");
    }
    int slot = freeSlots.pop();
    if (slot < 0) {
      rejections.increment();
      return new Acquisition.EngineFull(config.slots());
    }
    inUse.incrementAndGet();
    return new Acquisition.Acquired(
        new CallMemory(this, slot, states.generation(slot), slotSegments[slot]));
  }

  /**
   * Claims the release of this generation for the first caller. The slot is zeroed and put back
   * now, or, when an operation of the call (a read on another thread, say) is still running, by
   * that operation as it leaves; either way exactly once and without waiting here.
   */
  boolean release(int slot, int generation) {
    return switch (states.beginRelease(slot, generation)) {
      case NOT_MINE -> false;
      case ZERO_NOW -> {
        zeroAndFree(slot, generation);
        yield true;
      }
      case LAST_OPERATION_ZEROES -> true;
    };
  }

  /** Called by {@link CallMemory} when an operation leaves: the last one after a release zeroes. */
  void exit(int slot, int generation) {
    if (states.exit(slot)) {
      zeroAndFree(slot, generation);
    }
  }

  private void zeroAndFree(int slot, int generation) {
    if (memoryFreed) {
      // close() gave up waiting for this operation, zeroed everything and freed the memory.
      return;
    }
    long started = System.nanoTime();
    slotSegments[slot].fill((byte) 0);
    long took = System.nanoTime() - started;
    states.finishRelease(slot, generation);
    zeroings.increment();
    zeroingNanos.add(took);
    lastZeroingNanos = took;
    inUse.decrementAndGet();
    if (!closed.get()) {
      freeSlots.push(slot);
    }
  }

  SlotStates states() {
    return states;
  }

  /**
   * Whether every byte of a slot is zero now, whoever owns it. Lets tests and self-checks outside
   * this package prove that a call's memory was wiped without ever seeing its bytes.
   */
  public boolean slotIsZero(int slot) {
    MemorySegment segment = slotSegments[slot];
    for (long offset = 0; offset < segment.byteSize(); offset += Long.BYTES) {
      if (segment.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, offset) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The raw bytes of a slot, whoever owns it; for tests in this package that prove zeroing. */
  MemorySegment rawSlot(int slot) {
    return slotSegments[slot];
  }

  public CallMemoryPoolConfig config() {
    return config;
  }

  public int slotsInUse() {
    return inUse.get();
  }

  public int slotsFree() {
    return config.slots() - inUse.get();
  }

  /** How many slots have been zeroed since the pool opened. */
  public long zeroings() {
    return zeroings.sum();
  }

  /** How long the most recent zeroing of a slot took, in nanoseconds (0 before the first). */
  public long lastZeroingNanos() {
    return lastZeroingNanos;
  }

  /** Time spent zeroing slots since the pool opened, in nanoseconds. */
  public long zeroingNanos() {
    return zeroingNanos.sum();
  }

  /** How many acquisitions found the engine full. */
  public long rejections() {
    return rejections.sum();
  }

  /** Which OS protections are active on this pool, for health output. */
  public MemoryProtections protections() {
    return protections;
  }

  /**
   * Zeroes every slot, including those still held by calls (their handles become stale), and gives
   * the memory back. Idempotent and safe from any thread. Operations still running on a slot (a
   * read callback does no blocking work, so they are short) are given up to {@link
   * #CLOSE_WAIT_NANOS} to leave before the memory is zeroed and freed under them.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Free slots are already zero; take them off the list so that only slots still held by calls
    // are released (and counted as zeroings) here.
    boolean[] free = new boolean[config.slots()];
    for (int slot = freeSlots.pop(); slot >= 0; slot = freeSlots.pop()) {
      free[slot] = true;
    }
    for (int slot = 0; slot < config.slots(); slot++) {
      if (!free[slot]) {
        release(slot, states.generation(slot));
      }
    }
    awaitPendingReleases();
    memoryFreed = true;
    memory.fill((byte) 0);
    arena.close();
  }

  private void awaitPendingReleases() {
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    for (int slot = 0; slot < config.slots(); slot++) {
      while (states.releasePending(slot) && System.nanoTime() < deadline) {
        // Shutdown only, never an event loop: a short park leaves the cores to the reader.
        java.util.concurrent.locks.LockSupport.parkNanos(50_000);
      }
    }
    for (int slot = 0; slot < config.slots(); slot++) {
      if (states.releasePending(slot)) {
        LOG.warn(
            "Call memory: slot {} still had an operation running when the pool closed; its memory"
                + " is zeroed and freed now. A read callback that blocks is a bug: copy the digits"
                + " out with SecretField.copy() instead",
            slot);
      }
    }
  }

  @Override
  public String toString() {
    return "CallMemoryPool[" + inUse.get() + "/" + config.slots() + " slots in use]";
  }
}
