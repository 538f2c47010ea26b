package io.tabula.engine.admin;

import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.MemoryProtections;

/**
 * The call-memory pool: DOWN when no slot is free (new callers hear "please call back"), DEGRADED
 * when the OS refused a protection (memory could be swapped or dumped), UP otherwise.
 */
public final class CallMemoryHealth implements HealthCheck {

  private final CallMemoryPool pool;

  public CallMemoryHealth(CallMemoryPool pool) {
    this.pool = pool;
  }

  @Override
  public String name() {
    return "callmemory";
  }

  @Override
  public HealthStatus check() {
    MemoryProtections protections = pool.protections();
    String detail =
        pool.slotsInUse() + "/" + pool.config().slots() + " slots in use; " + protections.summary();
    if (pool.slotsFree() == 0) {
      return HealthStatus.down("every slot is in use; " + detail);
    }
    if (!protections.lockedInMemory() || !protections.excludedFromCoreDumps()) {
      return HealthStatus.degraded(detail);
    }
    return HealthStatus.up(detail);
  }
}
