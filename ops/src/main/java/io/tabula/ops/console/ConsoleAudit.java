package io.tabula.ops.console;

import io.javalin.http.Context;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The console's entries in the access library's audit trail (who, what, tenant, where from,
 * outcome). If the trail cannot be written, {@code AuditTrailException} propagates and the request
 * fails: an action the trail cannot record does not happen.
 */
final class ConsoleAudit {

  private final AccessControl access;

  ConsoleAudit(AccessControl access) {
    this.access = access;
  }

  void record(Context ctx, Account who, AuditAction action, FlowRef ref, String detail) {
    access
        .trail()
        .record(
            AuditEvent.of(who.name(), action, ref.toString(), source(ctx), Outcome.SUCCESS)
                .withTenant(ref.tenant())
                .withDetail(detail));
  }

  /** The client's address, through trusted proxies only (the access settings name them). */
  InetAddress client(Context ctx) {
    InetAddress peer = Address.of(ctx.req().getRemoteAddr());
    return access
        .clientAddresses()
        .client(peer, Optional.ofNullable(ctx.header("X-Forwarded-For")));
  }

  String source(Context ctx) {
    return client(ctx).getHostAddress();
  }

  private static final class Address {
    static InetAddress of(String literal) {
      return io.tabula.ops.access.session.Cidr.address(literal);
    }
  }
}
