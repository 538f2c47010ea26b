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
 * @param cause the type of the deepest cause when it adds something to the problem's advice, e.g.
 *     {@code UnknownHostException} (a type name only: exception messages can carry server text)
 * @param at when the check ran
 */
public record DatabaseCheck(
    String tenant,
    String connector,
    String endpoint,
    Optional<ConnectionProblem> problem,
    Optional<String> cause,
    Instant at) {

  /** The check's outcome from what {@code checkConnection} threw. */
  static Optional<String> causeOf(Throwable error) {
    Throwable root = error;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof java.net.UnknownHostException) {
        return Optional.of("UnknownHostException");
      }
      root = t;
    }
    return root == error ? Optional.empty() : Optional.of(root.getClass().getSimpleName());
  }

  public boolean reachable() {
    return problem.isEmpty();
  }

  /** The problem's advice; a host DNS does not know gets its own, since it is the common typo. */
  public String advice(ConnectionProblem p) {
    if (cause.filter("UnknownHostException"::equals).isPresent()) {
      return "the database host is not known to DNS; check database.host";
    }
    return p.advice()
        + cause.filter(c -> p == ConnectionProblem.OTHER).map(c -> " (" + c + ")").orElse("");
  }

  /** One line for logs and {@code tenants check}. */
  public String describe() {
    return problem
        .map(p -> "tenant " + tenant + ": database " + endpoint + " NOT reachable: " + advice(p))
        .orElse(
            "tenant " + tenant + ": database " + endpoint + " reachable over TLS (verify-full)");
  }
}
