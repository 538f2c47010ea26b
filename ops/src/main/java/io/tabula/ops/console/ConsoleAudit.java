package io.tabula.ops.console;

import io.javalin.http.Context;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrailException;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Function;

/**
 * The console's entries in the access library's audit trail (who, what, tenant, where from,
 * outcome). A change to shared state is recorded as an attempt before it runs: if the trail cannot
 * be written, {@code AuditTrailException} propagates and the change does not happen (fail closed).
 */
final class ConsoleAudit {

  /** What a publish, a roll-back or a draft save does once its attempt is in the trail. */
  @FunctionalInterface
  interface Change<T, E extends Exception> {
    T run() throws IOException, E;
  }

  private static final int MAX_TARGET = 200;

  private final AccessControl access;

  ConsoleAudit(AccessControl access) {
    this.access = access;
  }

  /**
   * Records the attempt, runs {@code change}, and records its outcome: success with {@code detail}
   * of the result, or failure with the exception's class (never its message, which may quote flow
   * text).
   *
   * @throws AuditTrailException when the attempt cannot be recorded; the change did not run
   * @throws UnrecordedOutcomeException when the change ran but its outcome cannot be recorded
   */
  <T, E extends Exception> T change(
      Context ctx,
      Account who,
      AuditAction action,
      FlowRef ref,
      Change<T, E> change,
      Function<T, String> detail)
      throws IOException, E {
    write(ctx, who, action, ref, Outcome.ATTEMPT, "");
    T result;
    try {
      result = change.run();
    } catch (Exception e) {
      outcome(ctx, who, action, ref, Outcome.FAILURE, e.getClass().getSimpleName());
      throw e;
    }
    outcome(ctx, who, action, ref, Outcome.SUCCESS, detail.apply(result));
    return result;
  }

  private void outcome(
      Context ctx, Account who, AuditAction action, FlowRef ref, Outcome outcome, String detail) {
    try {
      write(ctx, who, action, ref, outcome, detail);
    } catch (AuditTrailException e) {
      throw new UnrecordedOutcomeException(outcome, e);
    }
  }

  private void write(
      Context ctx, Account who, AuditAction action, FlowRef ref, Outcome outcome, String detail) {
    access
        .trail()
        .record(
            AuditEvent.of(who.name(), action, ref.toString(), source(ctx), outcome)
                .withTenant(ref.tenant())
                .withDetail(detail));
  }

  /**
   * Records a refused request: who (or {@code anonymous}), the method and path (no query, no body,
   * at most {@value #MAX_TARGET} characters), the tenant in the path, and {@code reason}.
   */
  void denied(Context ctx, String reason) {
    Sessions.Session session = WebSecurity.session(ctx);
    String actor = session != null && session.loggedIn() ? session.account().name() : "anonymous";
    String target = ctx.method().name() + " " + ctx.path();
    if (target.length() > MAX_TARGET) {
      target = target.substring(0, MAX_TARGET);
    }
    String tenant = ctx.pathParamMap().getOrDefault("tenant", "-");
    access
        .trail()
        .record(
            AuditEvent.of(actor, AuditAction.ACCESS_DENIED, target, source(ctx), Outcome.DENIED)
                .withTenant(tenant)
                .withDetail(reason));
  }

  /** The client's address, through trusted proxies only (the access settings name them). */
  InetAddress client(Context ctx) {
    InetAddress peer = io.tabula.ops.access.session.Cidr.address(ctx.req().getRemoteAddr());
    return access
        .clientAddresses()
        .client(peer, Optional.ofNullable(ctx.header("X-Forwarded-For")));
  }

  String source(Context ctx) {
    return client(ctx).getHostAddress();
  }

  /** A change ran, but the trail refused its outcome record (its attempt record is there). */
  static final class UnrecordedOutcomeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnrecordedOutcomeException(Outcome outcome, AuditTrailException cause) {
      super(
          "the change ended with "
              + outcome
              + " but the audit trail refused to record that; its attempt is recorded",
          cause);
    }
  }
}
