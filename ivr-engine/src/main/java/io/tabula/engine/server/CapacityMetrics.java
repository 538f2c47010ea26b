package io.tabula.engine.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tabula.masking.memory.CallMemoryPool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * What an autoscaler needs to size a fleet of engines (docs/engine.md, "Capacity signals"):
 *
 * <ul>
 *   <li>{@code tabula.calls.in_progress{tenant}}: calls holding a call-memory slot, per tenant (sum
 *       over tenants: the engine's calls in progress). Only calls routed to a served flow count, so
 *       the tag takes only configured tenant names, never a name a caller's Asterisk made up.
 *   <li>{@code tabula.capacity.headroom}: free call-memory slots, the calls this engine can still
 *       take before callers hear "please call back".
 *   <li>{@code tabula.capacity.utilization}: slots in use over all slots, 0 to 1 (an HPA target
 *       such as 0.6 keeps 40 % headroom on every engine).
 *   <li>{@code tabula.engine.draining}: 1 from SIGTERM on (the engine takes no new calls), else 0.
 * </ul>
 */
final class CapacityMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> byTenant = new ConcurrentHashMap<>();

  /** Made once: a method reference at the call site was one more object for every call. */
  private final java.util.function.Function<String, AtomicInteger> registerTenant = this::register;

  /**
   * Held here: a gauge keeps its state object only weakly, and nothing else held this one (a method
   * reference made for it), so a collection could turn the draining gauge into NaN (seen in
   * CapacityMetricsTest with a flight recording on).
   */
  private final BooleanSupplier draining;

  CapacityMetrics(MeterRegistry registry, CallMemoryPool pool, BooleanSupplier draining) {
    this.registry = registry;
    this.draining = draining;
    Gauge.builder("tabula.capacity.headroom", pool, CallMemoryPool::slotsFree)
        .description("Free call-memory slots: calls this engine can still take")
        .register(registry);
    Gauge.builder(
            "tabula.capacity.utilization",
            pool,
            p -> (double) p.slotsInUse() / Math.max(1, p.config().slots()))
        .description("Call-memory slots in use over all slots (0 to 1)")
        .register(registry);
    Gauge.builder("tabula.engine.draining", this.draining, d -> d.getAsBoolean() ? 1 : 0)
        .description("1 while the engine drains (SIGTERM): it takes no new calls")
        .register(registry);
  }

  void callStarted(String tenant) {
    AtomicInteger calls = byTenant.get(tenant);
    if (calls == null) {
      calls = byTenant.computeIfAbsent(tenant, registerTenant);
    }
    calls.incrementAndGet();
  }

  void callEnded(String tenant) {
    AtomicInteger calls = byTenant.get(tenant);
    if (calls != null) {
      calls.decrementAndGet();
    }
  }

  private AtomicInteger register(String tenant) {
    AtomicInteger calls = new AtomicInteger();
    Gauge.builder("tabula.calls.in_progress", calls, AtomicInteger::get)
        .tag("tenant", tenant)
        .description("Calls in progress (holding a call-memory slot), per tenant")
        .register(registry);
    return calls;
  }
}
