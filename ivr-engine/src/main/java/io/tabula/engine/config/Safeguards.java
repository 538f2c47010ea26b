package io.tabula.engine.config;

/**
 * The settings that decide what the engine refuses to do unprotected (issue #14, "fail closed"),
 * grouped so that every relaxation is one explicit, logged setting. The defaults protect:
 * recordings are assumed, memory protections are required, the self-test flows are off.
 *
 * <pre>{@code
 * EngineConfig tests = EngineConfig.defaults().withSafeguards(Safeguards.defaults().withRecording(RecordingMode.NONE));
 * }</pre>
 *
 * @param recording {@code recording}: whether MixMonitor may record the engine's calls, so that
 *     secure input needs an AMI link to mute it
 * @param memoryProtections {@code memory.protections}: whether a refused {@code mlock} or {@code
 *     MADV_DONTDUMP} stops the engine from starting
 * @param selftestFlows {@code selftest.enabled}: whether the built-in {@code selftest/*} flows
 *     answer ({@code selftest/echo} collects a card number)
 */
public record Safeguards(
    RecordingMode recording, MemoryProtectionPolicy memoryProtections, boolean selftestFlows) {

  public Safeguards {
    if (recording == null || memoryProtections == null) {
      throw new ConfigException("recording and memory.protections must be set; see docs/engine.md");
    }
  }

  /** Recordings assumed, memory protections required, self-test flows off. */
  public static Safeguards defaults() {
    return new Safeguards(RecordingMode.MIXMONITOR, MemoryProtectionPolicy.REQUIRED, false);
  }

  public Safeguards withRecording(RecordingMode newRecording) {
    return new Safeguards(newRecording, memoryProtections, selftestFlows);
  }

  public Safeguards withMemoryProtections(MemoryProtectionPolicy policy) {
    return new Safeguards(recording, policy, selftestFlows);
  }

  public Safeguards withSelftestFlows(boolean enabled) {
    return new Safeguards(recording, memoryProtections, enabled);
  }
}
