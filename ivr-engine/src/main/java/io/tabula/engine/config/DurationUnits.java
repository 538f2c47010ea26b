package io.tabula.engine.config;

import java.time.Duration;

/**
 * The duration units of the engine's configuration files ({@code tabula.yaml} and the tenant
 * files): {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}. Each reader keeps its own bounds on
 * the number; the unit means the same everywhere.
 */
public final class DurationUnits {

  /** The unit suffixes, as a regular-expression group. */
  public static final String PATTERN = "(ms|s|m|h)";

  private DurationUnits() {}

  /** {@code amount} of {@code unit}, one of the suffixes of {@link #PATTERN}. */
  public static Duration of(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> throw new IllegalArgumentException("unknown duration unit " + unit);
    };
  }
}
