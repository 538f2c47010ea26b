package io.tabula.ops.access.audit;

import java.util.Objects;

/**
 * One event to record (PCI DSS 10.2.2): who, what, on which tenant and target, from where, and the
 * outcome. Never put a password, a code or card data in any field.
 *
 * @param actor the login (or {@code cli:<os user>}, {@code system}) that acted
 * @param action what happened
 * @param tenant the tenant concerned, or {@code "-"} for none
 * @param target what it happened to: a login, a flow and version, a file
 * @param source where from: the client address, or {@code cli@<host>}
 * @param outcome success, failure or denied
 * @param detail a short reason code, e.g. {@code wrong-password}; never payload
 */
public record AuditEvent(
    String actor,
    AuditAction action,
    String tenant,
    String target,
    String source,
    Outcome outcome,
    String detail) {

  /**
   * How the attempt ended; {@code ATTEMPT} is written before a change to shared state (publish,
   * roll-back, draft save) so the change never happens unrecorded, and its outcome follows.
   */
  public enum Outcome {
    ATTEMPT,
    SUCCESS,
    FAILURE,
    DENIED
  }

  public AuditEvent {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(detail, "detail");
  }

  public static AuditEvent of(
      String actor, AuditAction action, String target, String source, Outcome outcome) {
    return new AuditEvent(actor, action, "-", target, source, outcome, "");
  }

  public AuditEvent withTenant(String tenant) {
    return new AuditEvent(actor, action, tenant, target, source, outcome, detail);
  }

  public AuditEvent withDetail(String detail) {
    return new AuditEvent(actor, action, tenant, target, source, outcome, detail);
  }
}
