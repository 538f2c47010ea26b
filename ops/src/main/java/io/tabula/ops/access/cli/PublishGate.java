package io.tabula.ops.access.cli;

import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.AccessDatabase;
import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.TwoPersonPublishing;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.role.AccessDeniedException;
import io.tabula.ops.access.role.Permission;
import io.tabula.ops.access.role.Principal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Access control for {@code tabula flows publish --as LOGIN}: the person publishing signs in as in
 * the console (password and authenticator code, lock-out, allow-list; the sign-in is in the trail),
 * must hold the publisher role on the flow's tenant, must pass the two-person rule where the tenant
 * has it on ({@link io.tabula.ops.access.TwoPersonPublishing}), and the publish is recorded as an
 * attempt before the version goes live and its outcome after. If the attempt cannot be recorded,
 * {@code AuditTrailException} propagates and nothing is published.
 *
 * <pre>{@code
 * try (PublishGate gate =
 *     PublishGate.open(db, totpKey, "ana", password, code, "city", "parking-ticket")) {
 *   gate.attempt("parking-ticket");
 *   gate.published("parking-ticket", version);
 * }
 * }</pre>
 */
public final class PublishGate implements AutoCloseable {

  /** Why the gate stayed shut; the message says what to do. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
      super(message);
    }
  }

  private final AccessDatabase database;
  private final AccessControl access;
  private final Principal principal;
  private final String token;
  private final String tenant;
  private final String source;

  private PublishGate(
      AccessDatabase database,
      AccessControl access,
      Principal principal,
      String token,
      String tenant,
      String source) {
    this.database = database;
    this.access = access;
    this.principal = principal;
    this.token = token;
    this.tenant = tenant;
    this.source = source;
  }

  /**
   * Signs {@code login} in and checks the publisher role on {@code tenant} and the two-person rule
   * for {@code flow}. The password array is zeroed before this returns.
   */
  public static PublishGate open(
      AccessDatabaseOptions db,
      Path totpKey,
      String login,
      char[] password,
      String code,
      String tenant,
      String flow)
      throws RefusedException, IOException {
    AccessDatabase database = db.open();
    try {
      AccessControl access =
          new AccessControl(
              database.dataSource(),
              AccessSettings.defaults(),
              Optional.empty(),
              Optional.of(TotpSecretCipher.load(totpKey, List.of())));
      InetAddress here = here();
      SignInOutcome outcome;
      try (SignInAttempt attempt =
          new SignInAttempt(login, password, Optional.of(code).filter(c -> !c.isBlank()), here)) {
        outcome = access.signIn().signIn(attempt);
      }
      if (!(outcome instanceof SignInOutcome.SignedIn in)) {
        throw new RefusedException(
            "sign-in as "
                + login
                + " refused (wrong password or code, locked, a first password not yet changed,"
                + " or this machine's address not allowed); sign in to the console once to check,"
                + " or ask an admin");
      }
      PublishGate gate =
          new PublishGate(
              database, access, in.principal(), in.session().token(), tenant, "cli@" + host(here));
      gate.authorise(flow);
      return gate;
    } catch (RefusedException | IOException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private void authorise(String flow) throws RefusedException {
    try {
      access.authorizer().check(principal, Permission.PUBLISH, tenant);
    } catch (AccessDeniedException e) {
      refuse(
          "needs-publish",
          principal.login()
              + " may not publish on tenant "
              + tenant
              + "; ask an admin of that tenant for the publisher role");
    }
    try {
      access.twoPersonPublishing().check(principal.login(), tenant, flow);
    } catch (AccessDeniedException e) {
      refuse(TwoPersonPublishing.REFUSAL, e.getMessage());
    }
  }

  /** Records the refusal, ends the CLI's session and refuses with {@code message}. */
  private void refuse(String reason, String message) throws RefusedException {
    record(AuditAction.ACCESS_DENIED, "flows publish", Outcome.DENIED, reason);
    access.sessions().signOut(token);
    throw new RefusedException(message);
  }

  /** Records the attempt; call before the version goes live. */
  public void attempt(String flow) {
    record(AuditAction.PUBLISH, flow, Outcome.ATTEMPT, "cli");
  }

  public void published(String flow, int version) {
    record(AuditAction.PUBLISH, flow, Outcome.SUCCESS, "version=" + version);
  }

  public void failed(String flow, String reason) {
    record(AuditAction.PUBLISH, flow, Outcome.FAILURE, reason);
  }

  private void record(AuditAction action, String target, Outcome outcome, String detail) {
    access
        .trail()
        .record(
            AuditEvent.of(principal.login(), action, target, source, outcome)
                .withTenant(tenant)
                .withDetail(detail));
  }

  /** Ends the CLI's session and closes the database. */
  @Override
  public void close() {
    try {
      access.sessions().signOut(token);
    } finally {
      database.close();
    }
  }

  private static InetAddress here() {
    try {
      return InetAddress.getLocalHost();
    } catch (UnknownHostException e) {
      return InetAddress.getLoopbackAddress();
    }
  }

  private static String host(InetAddress here) {
    return here.getHostName();
  }
}
