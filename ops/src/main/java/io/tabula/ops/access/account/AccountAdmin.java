package io.tabula.ops.access.account;

import io.tabula.ops.access.AccessSettings;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import io.tabula.ops.access.password.PasswordHasher;
import io.tabula.ops.access.role.Grants;
import io.tabula.ops.access.role.Role;
import io.tabula.ops.access.session.SessionEndedException;
import io.tabula.ops.access.session.Sessions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What an admin does to accounts: create (with a one-time password that must be changed at first
 * sign-in, 8.3.5), reset, unlock, grant and revoke roles. Each change is recorded with the acting
 * admin and where they acted from.
 */
public final class AccountAdmin {

  private static final char[] LETTERS =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
  private static final char[] DIGITS = "23456789".toCharArray();
  private static final int ONE_TIME_LENGTH = 20;

  private final Accounts accounts;
  private final Grants grants;
  private final Sessions sessions;
  private final AuditTrail trail;
  private final PasswordHasher hasher;
  private final AccessSettings settings;
  private final SecureRandom random = new SecureRandom();

  public AccountAdmin(
      Accounts accounts,
      Grants grants,
      Sessions sessions,
      AuditTrail trail,
      PasswordHasher hasher,
      AccessSettings settings) {
    this.accounts = accounts;
    this.grants = grants;
    this.sessions = sessions;
    this.trail = trail;
    this.hasher = hasher;
    this.settings = settings;
  }

  /** Who acts and from where, for the trail. */
  public record Actor(String login, String source) {}

  /**
   * Creates a local account with no role (least privilege) and returns its one-time password; the
   * caller shows it once and zeroes it.
   */
  public char[] create(Actor actor, String login) {
    if (!login.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException(
          "login '" + login + "' is not allowed; use 1 to 64 letters, digits, '.', '_', '@', '-'");
    }
    char[] password = oneTimePassword();
    accounts.create(login, Optional.of(hasher.hash(password)), settings.clock().instant());
    record(actor, AuditAction.ACCOUNT_CREATE, "-", login, "local");
    return password;
  }

  /** Sets a new one-time password, clears a lock-out and ends every session of the account. */
  public char[] reset(Actor actor, String login) {
    Account account = accounts.require(login);
    char[] password = oneTimePassword();
    accounts.setPassword(account.id(), hasher.hash(password), true, settings.clock().instant());
    accounts.clearFailures(account.id());
    sessions.endAll(account.id(), null, SessionEndedException.Reason.SIGNED_OUT_EVERYWHERE);
    record(actor, AuditAction.PASSWORD_RESET, "-", login, "sessions-ended");
    return password;
  }

  public void unlock(Actor actor, String login) {
    accounts.clearFailures(accounts.require(login).id());
    record(actor, AuditAction.UNLOCK, "-", login, "");
  }

  /** Ends every session of the account (sign-out everywhere); returns how many ended. */
  public int signOutEverywhere(Actor actor, String login) {
    int ended =
        sessions.endAll(
            accounts.require(login).id(), null, SessionEndedException.Reason.SIGNED_OUT_EVERYWHERE);
    record(actor, AuditAction.SIGN_OUT, "-", login, "everywhere,sessions=" + ended);
    return ended;
  }

  public boolean grant(Actor actor, String login, String tenant, Role role) {
    boolean changed =
        grants.grant(accounts.require(login).id(), tenant, role, settings.clock().instant());
    record(actor, AuditAction.ROLE_GRANT, tenant, login, role.code());
    return changed;
  }

  public boolean revoke(Actor actor, String login, String tenant, Role role) {
    boolean changed = grants.revoke(accounts.require(login).id(), tenant, role);
    record(actor, AuditAction.ROLE_REVOKE, tenant, login, role.code());
    return changed;
  }

  private void record(
      Actor actor, AuditAction action, String tenant, String target, String detail) {
    trail.record(
        new AuditEvent(
            actor.login(), action, tenant, target, actor.source(), Outcome.SUCCESS, detail));
  }

  /** Letters and digits, at least one of each: passes the policy, is typed once, then changed. */
  private char[] oneTimePassword() {
    char[] password = new char[ONE_TIME_LENGTH];
    for (int i = 0; i < password.length; i++) {
      char[] from = i % 4 == 3 ? DIGITS : LETTERS;
      password[i] = from[random.nextInt(from.length)];
    }
    return password;
  }
}
