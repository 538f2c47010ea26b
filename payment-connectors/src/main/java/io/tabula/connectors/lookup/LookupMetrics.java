package io.tabula.connectors.lookup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Lookup latency and outcome by tenant and lookup name: timer {@code tabula.lookup} with tags
 * {@code tenant}, {@code lookup} and {@code outcome} (found, not_found or a failure name). Tags come
 * from configuration only, never from parameters.
 */
final class LookupMetrics {

  static final String TIMER = "tabula.lookup";

  private final MeterRegistry registry;

  LookupMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String tenant, String lookup, LookupResult result, Duration elapsed) {
    Timer.builder(TIMER)
        .description("Balance lookups in tenant databases")
        .tag("tenant", tenant)
        .tag("lookup", lookup)
        .tag("outcome", outcome(result))
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(elapsed);
  }

  static String outcome(LookupResult result) {
    return switch (result) {
      case LookupResult.Found found -> "found";
      case LookupResult.NotFound notFound -> "not_found";
      case LookupResult.Failed failed -> failed.failure().name().toLowerCase(Locale.ROOT);
    };
  }
}
