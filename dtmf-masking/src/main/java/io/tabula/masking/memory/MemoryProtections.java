package io.tabula.masking.memory;

/**
 * Which operating-system protections guard the pool, for the engine's health output.
 *
 * @param lockedInMemory the pool cannot be swapped to disk ({@code mlock} succeeded)
 * @param excludedFromCoreDumps the pool is left out of core dumps ({@code MADV_DONTDUMP})
 * @param detail why a protection is missing, or empty when both are active
 */
public record MemoryProtections(
    boolean lockedInMemory, boolean excludedFromCoreDumps, String detail) {

  /** One line for logs and health output, e.g. {@code mlock=on, dontdump=on}. */
  public String summary() {
    String flags = "mlock=" + onOff(lockedInMemory) + ", dontdump=" + onOff(excludedFromCoreDumps);
    return detail.isEmpty() ? flags : flags + " (" + detail + ")";
  }

  private static String onOff(boolean active) {
    return active ? "on" : "off";
  }
}
