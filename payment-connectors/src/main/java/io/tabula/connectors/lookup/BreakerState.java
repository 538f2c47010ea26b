package io.tabula.connectors.lookup;

/** The state of a tenant's circuit breaker, for health checks and tests. */
public enum BreakerState {
  /** Lookups go to the database. */
  CLOSED,
  /** Lookups fail at once with {@link LookupFailure#BREAKER_OPEN}. */
  OPEN,
  /** A few trial lookups go to the database to see whether it is back. */
  HALF_OPEN
}
