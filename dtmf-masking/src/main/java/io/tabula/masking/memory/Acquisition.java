package io.tabula.masking.memory;

/**
 * What {@link CallMemoryPool#acquire()} hands back: a call's memory, or the typed news that the
 * engine is full. Never an {@link OutOfMemoryError}.
 *
 * <pre>{@code
 * switch (pool.acquire()) {
 *   case Acquisition.Acquired(CallMemory memory) -> runCall(memory);
 *   case Acquisition.EngineFull full -> playPleaseCallBack();
 * }
 * }</pre>
 */
public sealed interface Acquisition {

  /** A slot now owned by one call. Release it (or close it) when the call ends. */
  record Acquired(CallMemory memory) implements Acquisition {}

  /** Every slot is in use; the caller should hear "please call back". */
  record EngineFull(int capacity) implements Acquisition {}
}
