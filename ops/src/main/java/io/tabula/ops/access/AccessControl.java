package io.tabula.ops.access;

import io.tabula.ops.access.account.AccountAdmin;
import io.tabula.ops.access.account.Accounts;
import io.tabula.ops.access.account.LocalSignIn;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditTrail;
import io.tabula.ops.access.audit.TrailReader;
import io.tabula.ops.access.audit.TrailSearch;
import io.tabula.ops.access.audit.TrailSigner;
import io.tabula.ops.access.audit.TrailVerifier;
import io.tabula.ops.access.mfa.Mfa;
import io.tabula.ops.access.mfa.TotpEnrolment;
import io.tabula.ops.access.mfa.TotpSecretCipher;
import io.tabula.ops.access.password.CommonPasswords;
import io.tabula.ops.access.password.PasswordHasher;
import io.tabula.ops.access.password.PasswordPolicy;
import io.tabula.ops.access.role.Authorizer;
import io.tabula.ops.access.role.Grants;
import io.tabula.ops.access.session.ClientAddresses;
import io.tabula.ops.access.session.Sessions;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The access-control library in one place, for the console and the CLI.
 *
 * <pre>{@code
 * try (AccessDatabase db = AccessDatabase.open(dbSettings)) {
 *   AccessControl access = new AccessControl(db.dataSource(), AccessSettings.defaults(), signer);
 *   SignInOutcome outcome = access.signIn().signIn(attempt);
 *   access.authorizer().check(principal, Permission.PUBLISH, "city");
 * }
 * }</pre>
 */
public final class AccessControl {

  private final AccessSettings settings;
  private final Accounts accounts;
  private final Grants grants;
  private final Sessions sessions;
  private final AuditTrail trail;
  private final TrailReader trailReader;
  private final Mfa mfa;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final LocalSignIn signIn;
  private final AccountAdmin admin;
  private final Authorizer authorizer;
  private final ClientAddresses clientAddresses;
  private final Optional<TrailSigner> signer;
  private final TrailSearch trailSearch;
  private final TenantAccessSettings tenantSettings;
  private final TwoPersonPublishing twoPersonPublishing;

  /** Without a TOTP key: for tools that never touch MFA; enrolment and code checks are refused. */
  public AccessControl(
      DataSource dataSource, AccessSettings settings, Optional<TrailSigner> signer) {
    this(dataSource, settings, signer, Optional.empty());
  }

  /**
   * With the key that seals TOTP secrets at rest; secrets stored in the clear (version 1) or under
   * an older key are sealed under the current one here.
   */
  public AccessControl(
      DataSource dataSource,
      AccessSettings settings,
      Optional<TrailSigner> signer,
      Optional<TotpSecretCipher> totpKey) {
    this.settings = settings;
    this.accounts = new Accounts(dataSource);
    this.grants = new Grants(dataSource);
    this.sessions = new Sessions(dataSource, settings.clock(), settings.sessions());
    this.trail = new AuditTrail(dataSource, settings.clock(), signer, settings.signEvery());
    this.trailReader = new TrailReader(dataSource);
    this.mfa = new Mfa(dataSource, settings.clock(), settings.mfaIssuer(), totpKey);
    if (totpKey.isPresent()) {
      mfa.reseal();
    }
    this.hasher = new PasswordHasher(settings.argon2());
    this.policy = new PasswordPolicy(CommonPasswords.shipped(), hasher);
    this.signIn = new LocalSignIn(accounts, grants, mfa, sessions, trail, hasher, policy, settings);
    this.admin = new AccountAdmin(accounts, grants, sessions, trail, hasher, settings);
    this.authorizer = new Authorizer();
    this.clientAddresses = new ClientAddresses(settings.trustedProxies());
    this.signer = signer;
    this.trailSearch = new TrailSearch(dataSource);
    this.tenantSettings = new TenantAccessSettings(dataSource, trail);
    this.twoPersonPublishing =
        new TwoPersonPublishing(settings.twoPersonPublishing(), tenantSettings, trailReader);
  }

  /** Starts TOTP enrolment for an account whose password was just checked. */
  public TotpEnrolment beginMfaEnrolment(long accountId, String source) {
    String login = accounts.findById(accountId).orElseThrow().login();
    TotpEnrolment enrolment = mfa.begin(accountId, login);
    trail.record(
        AuditEvent.of(login, AuditAction.MFA_ENROL, login, source, Outcome.SUCCESS)
            .withDetail("started"));
    return enrolment;
  }

  /** Confirms enrolment with the first code; returns the recovery codes (empty: wrong code). */
  public List<String> confirmMfaEnrolment(long accountId, int code, String source) {
    String login = accounts.findById(accountId).orElseThrow().login();
    List<String> codes = mfa.confirm(accountId, code);
    trail.record(
        AuditEvent.of(
                login,
                AuditAction.MFA_ENROL,
                login,
                source,
                codes.isEmpty() ? Outcome.FAILURE : Outcome.SUCCESS)
            .withDetail(codes.isEmpty() ? "wrong-code" : "confirmed"));
    return codes;
  }

  public AccessSettings settings() {
    return settings;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Grants grants() {
    return grants;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AuditTrail trail() {
    return trail;
  }

  public TrailReader trailReader() {
    return trailReader;
  }

  public Mfa mfa() {
    return mfa;
  }

  public PasswordPolicy passwordPolicy() {
    return policy;
  }

  public LocalSignIn signIn() {
    return signIn;
  }

  public AccountAdmin admin() {
    return admin;
  }

  /** The settings each tenant's admins choose for it (two-person publishing). */
  public TenantAccessSettings tenantSettings() {
    return tenantSettings;
  }

  /** The two-person rule every publish passes, in the console and {@code flows publish --as}. */
  public TwoPersonPublishing twoPersonPublishing() {
    return twoPersonPublishing;
  }

  public Authorizer authorizer() {
    return authorizer;
  }

  /** Filtered, paged reading of the trail, scoped to tenants (the console's trail page). */
  public TrailSearch trailSearch() {
    return trailSearch;
  }

  /**
   * The check {@code tabula audit trail verify} runs, when this process holds the trail's public
   * key (the console does: it signs).
   */
  public Optional<TrailVerifier> trailVerifier() {
    return signer.flatMap(TrailSigner::publicKey).map(key -> new TrailVerifier(trailReader, key));
  }

  public ClientAddresses clientAddresses() {
    return clientAddresses;
  }
}
