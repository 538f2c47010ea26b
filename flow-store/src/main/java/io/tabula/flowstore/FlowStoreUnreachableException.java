package io.tabula.flowstore;

import java.io.IOException;
import java.sql.SQLException;

/**
 * The PostgreSQL flow store could not be reached or refused a statement. The message names the step
 * and the server, and the SQL state says what kind of failure it was; it never quotes a row (the
 * driver is told not to include server detail).
 */
public final class FlowStoreUnreachableException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String sqlState;

  FlowStoreUnreachableException(String step, FlowStoreDatabase database, Exception cause) {
    super(
        step
            + " in the flow store "
            + database.url()
            + " failed ("
            + kind(cause)
            + "); check that the server is up, flows.postgres.* and the role's rights",
        cause);
    this.sqlState = cause instanceof SQLException sql ? sql.getSQLState() : null;
  }

  /** PostgreSQL's SQL state (e.g. {@code 08001}: cannot connect), or null when there is none. */
  public String sqlState() {
    return sqlState;
  }

  private static String kind(Exception cause) {
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return "SQL state " + sql.getSQLState();
    }
    return cause.getClass().getSimpleName();
  }
}
