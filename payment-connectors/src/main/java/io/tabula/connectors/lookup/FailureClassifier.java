package io.tabula.connectors.lookup;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import javax.net.ssl.SSLException;

/**
 * Maps what JDBC, the pool and the socket throw to a {@link LookupFailure}. It looks at types and
 * SQLSTATE codes only, never at message text that could hold a parameter value.
 */
final class FailureClassifier {

  private FailureClassifier() {}

  static LookupFailure classify(Throwable error) {
    if (ConnectionProblem.ofChain(error).isTls()) {
      return LookupFailure.TLS_REFUSED;
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      LookupFailure direct = direct(t);
      if (direct != null) {
        return direct;
      }
    }
    if (error instanceof SQLTransientConnectionException) {
      // The pool waited its acquire limit without a connection and without a cause: exhausted.
      return LookupFailure.TIMEOUT;
    }
    return LookupFailure.QUERY_FAILED;
  }

  private static LookupFailure direct(Throwable t) {
    if (t instanceof SQLTimeoutException || t instanceof SocketTimeoutException) {
      return LookupFailure.TIMEOUT;
    }
    if (t instanceof ConnectException || t instanceof UnknownHostException) {
      return LookupFailure.UNAVAILABLE;
    }
    if (t instanceof SSLException) {
      return LookupFailure.TLS_REFUSED;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      return bySqlState(sql.getSQLState());
    }
    return null;
  }

  private static LookupFailure bySqlState(String state) {
    if (state.equals("57014")) {
      return LookupFailure.TIMEOUT; // query_canceled: the statement_timeout fired on the server
    }
    if (state.startsWith("08")
        || state.startsWith("57P")
        || state.startsWith("28")
        || state.startsWith("53")) {
      return LookupFailure.UNAVAILABLE; // connection, shutdown, login or resource trouble
    }
    return null;
  }
}
