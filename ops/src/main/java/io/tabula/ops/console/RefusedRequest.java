package io.tabula.ops.console;

import io.javalin.http.HttpStatus;

/**
 * A request the console's access checks refuse: a missing role, a tenant the account holds no role
 * on, a CSRF token that does not match. {@code ConsoleServer} records each as an {@code
 * access-denied} entry in the audit trail (who, what, where from, the reason code; never the
 * request's body) and answers with {@link #status()} and the message.
 */
final class RefusedRequest extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String NO_SUCH_FLOW = "No such flow; pick one from the list at /flows.";

  private final HttpStatus status;
  private final String reason;

  private RefusedRequest(HttpStatus status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** 403: the account may not do this; {@code reason} is a short code for the trail. */
  static RefusedRequest forbidden(String reason, String message) {
    return new RefusedRequest(HttpStatus.FORBIDDEN, reason, message);
  }

  /**
   * 404 for a tenant the account holds no role on: answered as if the flow did not exist, so
   * nothing of tenant A reaches a user of tenant B, but recorded as the refusal it is.
   */
  static RefusedRequest otherTenant() {
    return new RefusedRequest(HttpStatus.NOT_FOUND, "no-role-on-tenant", NO_SUCH_FLOW);
  }

  HttpStatus status() {
    return status;
  }

  String reason() {
    return reason;
  }
}
