package io.tabula.connectors.lookup;

/**
 * A tenant database could not be connected to, with the {@link ConnectionProblem} and what to do
 * next. Thrown by {@link JdbcBalanceLookup#checkConnection(String)}; lookups themselves never
 * throw, they return {@link LookupResult.Failed}.
 */
public final class DatabaseConnectionException extends Exception {

  private static final long serialVersionUID = 1L;

  private final ConnectionProblem problem;

  DatabaseConnectionException(
      String tenant, String endpoint, ConnectionProblem problem, Throwable cause) {
    super("tenant '" + tenant + "' database at " + endpoint + ": " + problem.advice(), cause);
    this.problem = problem;
  }

  public ConnectionProblem problem() {
    return problem;
  }
}
