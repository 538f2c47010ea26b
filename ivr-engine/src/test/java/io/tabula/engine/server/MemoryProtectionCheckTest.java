package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.MemoryProtections;
import org.junit.jupiter.api.Test;

/** When the engine may take calls with the protections the OS granted its call memory. */
class MemoryProtectionCheckTest {

  private static final CallMemoryPoolConfig BOTH = CallMemoryPoolConfig.defaults();
  private static final MemoryProtections MLOCK_REFUSED =
      new MemoryProtections(false, true, "mlock refused: ENOMEM (locked-memory limit reached)");
  private static final MemoryProtections DONTDUMP_REFUSED =
      new MemoryProtections(true, false, "madvise(MADV_DONTDUMP) refused: EINVAL");

  @Test
  void aRefusedProtectionThatIsRequiredStopsTheEngineAndSaysHowToGrantIt() {
    assertThat(MemoryProtectionCheck.refusal(MemoryProtectionPolicy.REQUIRED, BOTH, MLOCK_REFUSED))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("40000 KiB", "locked in RAM (mlock)", "ENOMEM")
                    .contains("ulimit -l", "LimitMEMLOCK=infinity", "IPC_LOCK", "memlock")
                    .contains("memory.protections: waived", "TABULA_MEMORY_PROTECTIONS=waived"));
    assertThat(
            MemoryProtectionCheck.refusal(MemoryProtectionPolicy.REQUIRED, BOTH, DONTDUMP_REFUSED))
        .hasValueSatisfying(
            message -> assertThat(message).contains("left out of core dumps", "MADV_DONTDUMP"));
  }

  @Test
  void bothGrantedOrAnExplicitWaiverLetsItStart() {
    MemoryProtections both = new MemoryProtections(true, true, "");
    CallMemoryPoolConfig mlockOff = new CallMemoryPoolConfig(16, 4096, false, true);

    assertThat(MemoryProtectionCheck.refusal(MemoryProtectionPolicy.REQUIRED, BOTH, both))
        .isEmpty();
    assertThat(MemoryProtectionCheck.refusal(MemoryProtectionPolicy.WAIVED, BOTH, MLOCK_REFUSED))
        .isEmpty();
    assertThat(
            MemoryProtectionCheck.refusal(
                MemoryProtectionPolicy.REQUIRED,
                mlockOff,
                new MemoryProtections(false, true, "mlock disabled by configuration")))
        .as("memory.lockInMemory: false is itself an explicit waiver of mlock")
        .isEmpty();
  }
}
