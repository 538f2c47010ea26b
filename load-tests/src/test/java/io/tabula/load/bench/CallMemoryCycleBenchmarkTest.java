package io.tabula.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import org.junit.jupiter.api.Test;

/** The benchmark measures the real cycle: check it does the work it claims, every time. */
class CallMemoryCycleBenchmarkTest {

  @Test
  void theCycleValidatesTheCardAndGivesTheSlotBack() {
    try (CallMemoryPool pool =
        CallMemoryPool.open(new CallMemoryPoolConfig(2, 4096, false, false))) {
      for (int i = 0; i < 10; i++) {
        assertThat(CallMemoryCycleBenchmark.cycle(pool)).isTrue();
      }
      assertThat(pool.slotsInUse()).isZero();
      assertThat(pool.zeroings()).isEqualTo(10);
    }
  }
}
