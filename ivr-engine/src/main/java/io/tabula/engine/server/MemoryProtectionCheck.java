package io.tabula.engine.server;

import io.tabula.engine.config.MemoryProtectionPolicy;
import io.tabula.masking.memory.CallMemoryPoolConfig;
import io.tabula.masking.memory.MemoryProtections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the call-memory pool may take calls with the protections the OS granted. Under {@code
 * memory.protections: required} (the default) a requested protection the OS refused keeps the
 * engine from starting: caller digits could otherwise reach swap ({@code mlock} refused) or a core
 * dump ({@code MADV_DONTDUMP} refused). A protection switched off in the configuration ({@code
 * memory.lockInMemory: false}) is an explicit waiver and passes, as does {@code waived}.
 *
 * <pre>{@code
 * MemoryProtectionCheck.refusal(policy, pool.config(), pool.protections())
 *     .ifPresent(message -> { throw new EngineStartException(message, null); });
 * }</pre>
 */
final class MemoryProtectionCheck {

  private MemoryProtectionCheck() {}

  /** Why the engine must not start, with how to grant the protection; empty when it may. */
  static Optional<String> refusal(
      MemoryProtectionPolicy policy, CallMemoryPoolConfig config, MemoryProtections granted) {
    List<String> missing = new ArrayList<>();
    if (config.lockInMemory() && !granted.lockedInMemory()) {
      missing.add("locked in RAM (mlock)");
    }
    if (config.excludeFromCoreDumps() && !granted.excludedFromCoreDumps()) {
      missing.add("left out of core dumps (madvise MADV_DONTDUMP)");
    }
    if (policy == MemoryProtectionPolicy.WAIVED || missing.isEmpty()) {
      return Optional.empty();
    }
    long kib = config.totalBytes() / 1024;
    return Optional.of(
        "the call memory ("
            + kib
            + " KiB) could not be "
            + String.join(" nor ", missing)
            + ": "
            + granted.detail()
            + ". memory.protections is required, so the engine does not start. Grant it: let the"
            + " engine's user lock at least "
            + kib
            + " KiB (ulimit -l unlimited in its shell; LimitMEMLOCK=infinity in its systemd unit;"
            + " docker run --cap-add IPC_LOCK --ulimit memlock=-1:-1, or in compose cap_add:"
            + " [IPC_LOCK] and ulimits: memlock: -1; in Kubernetes the IPC_LOCK capability)"
            + (onLinux() ? "" : ", run it on Linux (kernel 3.4 or later)")
            + ", or lower memory.slots. To run without the protection (digits may reach swap or a"
            + " core dump), set memory.protections: waived (TABULA_MEMORY_PROTECTIONS=waived)");
  }

  private static boolean onLinux() {
    return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
  }
}
