package io.tabula.engine.cli;

import io.tabula.engine.config.EngineConfig;
import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.engine.config.RecordingMode;
import io.tabula.masking.memory.CallMemoryPool;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serve's start-up lines about every protection an explicit setting relaxed (issue #14), so that an
 * auditor reading the log sees each waiver: {@code recording: none}, memory protections waived or
 * switched off, the self-test flows on.
 */
final class ServeSafeguardsLog {

  private static final Logger LOG = LoggerFactory.getLogger(ServeSafeguardsLog.class);

  private ServeSafeguardsLog() {}

  static void log(EngineConfig settings, CallMemoryPool pool) {
    if (settings.safeguards().recording() == RecordingMode.NONE) {
      LOG.warn(
          "recording: none: the engine mutes no recording during secure input, on the operator's"
              + " word that no MixMonitor records its calls; keys would otherwise be kept as tones"
              + " (PCI DSS 3.3.1)");
    }
    CallMemoryPoolConfig memory = settings.memory();
    if (settings.safeguards().memoryProtections() == MemoryProtectionPolicy.WAIVED) {
      LOG.warn(
          "memory.protections: waived: the engine serves even when the OS refuses to keep call"
              + " memory out of swap or core dumps; now {}",
          pool.protections().summary());
    }
    if (!memory.lockInMemory() || !memory.excludeFromCoreDumps()) {
      LOG.warn(
          "memory.lockInMemory or memory.excludeFromCoreDumps is false: caller digits may reach"
              + " swap or a core dump; now {}",
          pool.protections().summary());
    }
    if (settings.safeguards().selftestFlows()) {
      LOG.info(
          "selftest.enabled: the selftest/* flows answer ({} collects a card number)",
          ServePreflight.SELFTEST_SECURE_FLOW);
    }
  }
}
