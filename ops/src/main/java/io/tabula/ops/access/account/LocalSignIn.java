package io.tabula.ops.access.account;

import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.account.SignInOutcome.Reason;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import io.tabula.ops.access.mfa.Mfa;
import io.tabula.ops.access.password.PasswordHasher;
import io.tabula.ops.access.password.PasswordPolicy;
import io.tabula.ops.access.password.PasswordRejectedException;
import io.tabula.ops.access.role.Grants;
import io.tabula.ops.access.role.Principal;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.access.session.AddressPolicy;
import io.tabula.ops.access.session.SessionEndedException;
import io.tabula.ops.access.session.Sessions;
import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in with a local account: lock-out (8.3.4), IP allow-list, Argon2id password (rehashed when
 * the stored parameters are weaker than today's), forced change of a first or reset password
 * (8.3.5), TOTP or a recovery code for every sign-in (8.4.2), then a session. Every outcome is
 * recorded in the audit trail.
 */
public final class LocalSignIn {

  private final Accounts accounts;
  private final Grants grants;
  private final Mfa mfa;
  private final Sessions sessions;
  private final AuditTrail trail;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AccessSettings settings;
  private final String dummyHash;

  public LocalSignIn(
      Accounts accounts,
      Grants grants,
      Mfa mfa,
      Sessions sessions,
      AuditTrail trail,
      PasswordHasher hasher,
      PasswordPolicy policy,
      AccessSettings settings) {
    this.accounts = accounts;
    this.grants = grants;
    this.mfa = mfa;
    this.sessions = sessions;
    this.trail = trail;
    this.hasher = hasher;
    this.policy = policy;
    this.settings = settings;
    // Checked against when the login is unknown, so the answer takes as long either way.
    this.dummyHash = hasher.hash("not-a-real-password-0".toCharArray());
  }

  public SignInOutcome signIn(SignInAttempt attempt) {
    Instant now = settings.clock().instant();
    String from = attempt.client().getHostAddress();
    Optional<Account> found = accounts.find(attempt.login());
    if (found.isEmpty() || found.get().passwordHash().isEmpty()) {
      hasher.matches(attempt.password(), dummyHash);
      return refuse(attempt.login(), from, Reason.BAD_CREDENTIALS, "unknown-account");
    }
    Account account = found.get();
    if (account.lockedAt(now)) {
      return refuse(account.login(), from, Reason.LOCKED_OUT, "locked-out");
    }
    if (account.lockedUntil().isPresent()) {
      // The lock-out has run its time: the count starts again from zero.
      accounts.clearFailures(account.id());
    }
    Map<String, Set<Role>> roles = grants.rolesOf(account.id());
    if (!addressAllowed(account, roles, attempt.client())) {
      return refuse(account.login(), from, Reason.ADDRESS_NOT_ALLOWED, "address-not-allowed");
    }
    String stored = account.passwordHash().get();
    if (!hasher.matches(attempt.password(), stored)) {
      return fail(account, from, now, "wrong-password");
    }
    if (hasher.needsRehash(stored)) {
      accounts.replaceHash(account.id(), hasher.hash(attempt.password()));
    }
    if (account.mustChangePassword()) {
      record(account.login(), from, Outcome.DENIED, "password-change-required");
      return new SignInOutcome.PasswordChangeRequired(account.id());
    }
    if (!account.totpConfirmed()) {
      record(account.login(), from, Outcome.DENIED, "mfa-enrolment-required");
      return new SignInOutcome.MfaEnrolmentRequired(account.id());
    }
    if (attempt.secondFactor().isEmpty()) {
      return new SignInOutcome.Refused(Reason.SECOND_FACTOR_REQUIRED);
    }
    if (!secondFactorValid(account, attempt.secondFactor().get(), from)) {
      return fail(account, from, now, "wrong-second-factor");
    }
    accounts.clearFailures(account.id());
    var session = sessions.start(account.id(), from);
    record(account.login(), from, Outcome.SUCCESS, "password+totp");
    return new SignInOutcome.SignedIn(session, new Principal(account.id(), account.login(), roles));
  }

  /**
   * Changes the password after checking the current one; ends the account's other sessions ({@code
   * keepSession} stays, null ends all). Zeroes neither array: the caller owns them.
   */
  public void changePassword(
      String login, char[] current, char[] next, InetAddress client, String keepSession)
      throws PasswordRejectedException {
    Instant now = settings.clock().instant();
    String from = client.getHostAddress();
    Account account = accounts.require(login);
    if (account.lockedAt(now)
        || !hasher.matches(current, account.passwordHash().orElse(dummyHash))) {
      if (!account.lockedAt(now)) {
        fail(account, from, now, "wrong-current-password");
      }
      throw new PasswordRejectedException(PasswordRejectedException.Reason.WRONG_CURRENT_PASSWORD);
    }
    try {
      policy.check(next, accounts.recentHashes(account.id(), PasswordPolicy.HISTORY));
    } catch (PasswordRejectedException e) {
      trail.record(
          AuditEvent.of(login, AuditAction.PASSWORD_CHANGE, login, from, Outcome.FAILURE)
              .withDetail(e.reason().name().toLowerCase(java.util.Locale.ROOT)));
      throw e;
    }
    accounts.setPassword(account.id(), hasher.hash(next), false, now);
    int ended =
        sessions.endAll(account.id(), keepSession, SessionEndedException.Reason.PASSWORD_CHANGED);
    trail.record(
        AuditEvent.of(login, AuditAction.PASSWORD_CHANGE, login, from, Outcome.SUCCESS)
            .withDetail("other-sessions-ended=" + ended));
  }

  private boolean addressAllowed(Account account, Map<String, Set<Role>> roles, InetAddress ip) {
    Set<Role> all = EnumSet.noneOf(Role.class);
    roles.values().forEach(all::addAll);
    return AddressPolicy.allowed(
        ip,
        account.allowedNetworks(),
        all.isEmpty() ? java.util.List.of() : grants.networksOf(all));
  }

  private boolean secondFactorValid(Account account, String factor, String from) {
    String code = factor.strip();
    if (code.matches("[0-9]{6}")) {
      return mfa.verify(account.id(), Integer.parseInt(code));
    }
    if (mfa.useRecoveryCode(account.id(), code)) {
      trail.record(
          AuditEvent.of(
              account.login(),
              AuditAction.MFA_RECOVERY_CODE_USED,
              account.login(),
              from,
              Outcome.SUCCESS));
      return true;
    }
    return false;
  }

  private SignInOutcome fail(Account account, String from, Instant now, String why) {
    int failures =
        accounts.recordFailure(
            account.id(),
            settings.lockout().maxFailures(),
            now.plus(settings.lockout().duration()));
    trail.record(
        AuditEvent.of(
                account.login(),
                AuditAction.SIGN_IN_FAILURE,
                account.login(),
                from,
                Outcome.FAILURE)
            .withDetail(why));
    if (failures == settings.lockout().maxFailures()) {
      trail.record(
          AuditEvent.of("system", AuditAction.LOCK_OUT, account.login(), from, Outcome.SUCCESS)
              .withDetail(
                  "failures="
                      + failures
                      + ",minutes="
                      + settings.lockout().duration().toMinutes()));
    }
    return new SignInOutcome.Refused(Reason.BAD_CREDENTIALS);
  }

  private SignInOutcome refuse(String login, String from, Reason reason, String why) {
    trail.record(
        AuditEvent.of(login, AuditAction.SIGN_IN_FAILURE, login, from, Outcome.DENIED)
            .withDetail(why));
    return new SignInOutcome.Refused(reason);
  }

  private void record(String login, String from, Outcome outcome, String detail) {
    trail.record(
        AuditEvent.of(login, AuditAction.SIGN_IN, login, from, outcome).withDetail(detail));
  }
}
