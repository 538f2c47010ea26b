package io.tabula.connectors.lookup;

/**
 * Why a lookup produced no answer. Each constant says what an operator should do next; none carries
 * a parameter value or a database message (those can echo what the caller keyed).
 */
public enum LookupFailure {
  /** A time limit ran out: connecting, waiting for a pooled connection, or the statement itself. */
  TIMEOUT(
      "the tenant database did not answer within its time limit; check its load and the"
          + " lookup's statement timeout"),
  /** The database could not be reached or the connection broke. */
  UNAVAILABLE(
      "the tenant database is unreachable; check that it is running and reachable from"
          + " the engine"),
  /** The tenant's circuit breaker is open after recent failures: the database was not asked. */
  BREAKER_OPEN(
      "recent lookups to this tenant database failed, so the circuit breaker answers at"
          + " once; it retries on its own after the configured pause"),
  /** TLS was refused: unknown CA, expired or misnamed certificate, old protocol or no TLS. */
  TLS_REFUSED(
      "the TLS connection to the tenant database was refused; run the connection check"
          + " for this tenant to see why"),
  /** The database rejected the query (syntax, missing table, wrong column type). */
  QUERY_FAILED(
      "the tenant database rejected the lookup's query; fix the query in the tenant"
          + " configuration"),
  /** No configuration for this tenant. */
  UNKNOWN_TENANT("no database is configured for this tenant; add one to the tenant configuration"),
  /** The tenant has no lookup of this name. */
  UNKNOWN_LOOKUP(
      "the tenant has no lookup of this name; check the flow against the tenant"
          + " configuration"),
  /** A parameter is missing, not declared, or plain where the query expects a secret field. */
  BAD_PARAMETERS(
      "the flow's lookup parameters do not match the lookup's declaration in the"
          + " tenant configuration");

  private final String advice;

  LookupFailure(String advice) {
    this.advice = advice;
  }

  /** What an operator should do about it. */
  public String advice() {
    return advice;
  }

  /** Whether this failure counts against the tenant's circuit breaker. */
  public boolean isDatabaseFault() {
    return this == TIMEOUT || this == UNAVAILABLE || this == TLS_REFUSED;
  }
}
