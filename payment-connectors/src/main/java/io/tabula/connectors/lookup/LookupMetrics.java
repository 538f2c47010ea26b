package io.tabula.connectors.lookup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookup latency and outcome by tenant and lookup name: timer {@code tabula.lookup} with tags
 * {@code tenant}, {@code lookup} and {@code outcome} (found, not_found or a failure name). Tags
 * come from configuration only, never from parameters.
 */
final class LookupMetrics {

  static final String TIMER = "tabula.lookup";

  private final MeterRegistry registry;
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  LookupMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /**
   * Records one lookup. No client-side percentiles: they cost a lock per sample; a registry that
   * wants a latency histogram turns it on with a MeterFilter.
   */
  void record(String tenant, String lookup, LookupResult result, Duration elapsed) {
    String outcome = outcome(result);
    timers
        .computeIfAbsent(List.of(tenant, lookup, outcome), key -> timer(tenant, lookup, outcome))
        .record(elapsed);
  }

  private Timer timer(String tenant, String lookup, String outcome) {
    return Timer.builder(TIMER)
        .description("Balance lookups in tenant databases")
        .tag("tenant", tenant)
        .tag("lookup", lookup)
        .tag("outcome", outcome)
        .register(registry);
  }

  static String outcome(LookupResult result) {
    return switch (result) {
      case LookupResult.Found found -> "found";
      case LookupResult.NotFound notFound -> "not_found";
      case LookupResult.Failed failed -> failed.failure().name().toLowerCase(Locale.ROOT);
    };
  }
}
