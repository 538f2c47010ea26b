package io.tabula.connectors.lookup;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Builds a tenant's resilience4j circuit breaker from {@link BreakerSettings} and publishes its
 * state as gauge {@code tabula.lookup.breaker.state} (0 closed, 1 open, 2 half open).
 */
final class TenantBreaker {

  private TenantBreaker() {}

  static CircuitBreaker create(String tenant, BreakerSettings settings, MeterRegistry registry) {
    CircuitBreakerConfig config =
        CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(settings.window())
            .minimumNumberOfCalls(settings.minimumCalls())
            .failureRateThreshold(settings.failureRatePercent())
            .waitDurationInOpenState(settings.openFor())
            .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
            // No timer thread: the first lookup after the pause moves it to half open.
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .build();
    CircuitBreaker breaker = CircuitBreaker.of("tabula-lookup-" + tenant, config);
    Gauge.builder("tabula.lookup.breaker.state", breaker, TenantBreaker::stateValue)
        .description("Circuit breaker of a tenant database: 0 closed, 1 open, 2 half open")
        .tag("tenant", tenant)
        .register(registry);
    return breaker;
  }

  private static double stateValue(CircuitBreaker breaker) {
    return switch (breaker.getState()) {
      case OPEN, FORCED_OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 0;
    };
  }
}
