package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A Micrometer gauge holds its state object weakly. The engine hands {@link CapacityMetrics} a
 * method reference for "draining" that nothing else holds, so the metrics must hold it, or a
 * collection turns {@code tabula.engine.draining} into NaN (seen once in CapacityMetricsTest).
 */
class DrainingGaugeTest {

  @Test
  void theDrainingGaugeOutlivesACollection() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicBoolean stopped = new AtomicBoolean(true);
    try (CallMemoryPool pool = CallMemoryPool.open(new CallMemoryPoolConfig(1, 64, false, false))) {
      BooleanSupplier draining = stopped::get;
      WeakReference<BooleanSupplier> watched = new WeakReference<>(draining);
      CapacityMetrics metrics = new CapacityMetrics(registry, pool, draining);
      draining = null;
      // The supplier is only weakly reachable now unless the metrics hold it: collect until
      // either it is gone or a good number of collections have passed.
      for (int i = 0; i < 20 && watched.get() != null; i++) {
        System.gc();
        Thread.onSpinWait();
      }

      assertThat(registry.get("tabula.engine.draining").gauge().value()).isEqualTo(1.0);
      java.lang.ref.Reference.reachabilityFence(metrics);
    }
  }
}
