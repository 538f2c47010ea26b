package io.tabula.ops.access.audit;

/**
 * The trail could not be written or read. The action that was to be recorded must not go ahead
 * (fail closed): callers let this propagate.
 */
public final class AuditTrailException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AuditTrailException(String message, Throwable cause) {
    super(message + "; check the access database connection and try again", cause);
  }
}
