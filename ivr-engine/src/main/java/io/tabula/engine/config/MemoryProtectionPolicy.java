package io.tabula.engine.config;

import java.util.Locale;

/**
 * Whether the engine may run when the OS refuses to keep the call memory out of swap ({@code
 * mlock}) or out of core dumps ({@code MADV_DONTDUMP}); set by {@code memory.protections}.
 */
public enum MemoryProtectionPolicy {
  /** The default: a refused protection stops the engine from starting, saying how to grant it. */
  REQUIRED,
  /**
   * An explicit waiver: the engine starts with whatever the OS granted, logs what is missing at
   * start-up and reports DEGRADED health; caller digits may then reach swap or a core dump.
   */
  WAIVED;

  /** The spelling in {@code tabula.yaml}: {@code required} or {@code waived}. */
  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MemoryProtectionPolicy parse(String value) {
    for (MemoryProtectionPolicy policy : values()) {
      if (policy.spelling().equals(value)) {
        return policy;
      }
    }
    throw new ConfigException(
        "memory.protections must be required or waived, was '" + value + "'; see docs/engine.md");
  }
}
