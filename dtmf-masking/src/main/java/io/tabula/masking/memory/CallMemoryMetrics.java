package io.tabula.masking.memory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Publishes a pool's state: {@code tabula.callmemory.slots.in_use}, {@code ...slots.free}, {@code
 * tabula.callmemory.zeroings} and {@code tabula.callmemory.rejections}. No tag ever carries call
 * data.
 */
public final class CallMemoryMetrics implements MeterBinder {

  private final CallMemoryPool pool;

  public CallMemoryMetrics(CallMemoryPool pool) {
    this.pool = pool;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("tabula.callmemory.slots.in_use", pool, CallMemoryPool::slotsInUse)
        .description("Call memory slots held by calls now")
        .register(registry);
    Gauge.builder("tabula.callmemory.slots.free", pool, CallMemoryPool::slotsFree)
        .description("Call memory slots ready for new calls")
        .register(registry);
    FunctionCounter.builder("tabula.callmemory.zeroings", pool, CallMemoryPool::zeroings)
        .description("Slots zeroed since start")
        .register(registry);
    FunctionCounter.builder("tabula.callmemory.rejections", pool, CallMemoryPool::rejections)
        .description("Calls refused because every slot was in use")
        .register(registry);
  }
}
