package io.tabula.engine.tenant;

import io.tabula.connectors.lookup.ConnectionProblem;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of connecting once to a tenant's database: reachable over verified TLS, or the
 * problem and what to do about it. Never holds the password or any row.
 *
 * @param tenant the tenant id
 * @param connector the lookup connector name
 * @param endpoint {@code host:port}
 * @param problem empty when the connection and TLS handshake succeeded
 * @param at when the check ran
 */
public record DatabaseCheck(
    String tenant,
    String connector,
    String endpoint,
    Optional<ConnectionProblem> problem,
    Instant at) {

  public boolean reachable() {
    return problem.isEmpty();
  }

  /** One line for logs and {@code tenants check}. */
  public String describe() {
    return problem
        .map(p -> "tenant " + tenant + ": database " + endpoint + " NOT reachable: " + p.advice())
        .orElse(
            "tenant " + tenant + ": database " + endpoint + " reachable over TLS (verify-full)");
  }
}
