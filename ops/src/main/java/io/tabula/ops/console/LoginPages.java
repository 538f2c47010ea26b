package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.account.SignInAttempt;
import io.tabula.ops.access.account.SignInOutcome;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /login} and {@code /logout}, through the access library: lock-out, allow-list, Argon2id
 * password, a forced change of a one-time password ({@link SignInSteps}), TOTP enrolment, and the
 * TOTP code; every outcome lands in the audit trail.
 */
final class LoginPages {

  static final String REFUSED =
      "Those sign-in details are not right, or the account is locked;"
          + " try again, or ask an admin.";

  private final AccessControl access;
  private final ConsoleAudit audit;
  private final Sessions sessions;
  private final Softphones softphones;
  private final Templates templates;
  private final Assets assets;
  private final boolean sso;

  LoginPages(
      AccessControl access,
      ConsoleAudit audit,
      Sessions sessions,
      Softphones softphones,
      Templates templates,
      Assets assets,
      boolean sso) {
    this.sso = sso;
    this.access = access;
    this.audit = audit;
    this.sessions = sessions;
    this.softphones = softphones;
    this.templates = templates;
    this.assets = assets;
  }

  void routes(RoutesConfig routes) {
    routes.get(
        "/login",
        ctx ->
            form(
                ctx,
                OidcPages.problem(Optional.ofNullable(ctx.queryParam("sso")).orElse("")),
                notice(ctx)));
    routes.post("/login", this::login);
    routes.post("/logout", this::logout);
  }

  private static String notice(Context ctx) {
    return switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
      case "password" -> "Password changed. Sign in with it to set up your authenticator app.";
      case "mfa" -> "Authenticator set up. Sign in with your password and a code from the app.";
      case "ended" -> "Your session ended; sign in again.";
      default -> "";
    };
  }

  private void form(Context ctx, String problem, String notice) {
    Sessions.Session session = WebSecurity.session(ctx);
    templates.page(
        ctx,
        "login.jte",
        Map.of(
            "page",
            new Page("Sign in", null, session.csrf(), assets),
            "problem",
            problem,
            "notice",
            notice,
            "sso",
            sso));
  }

  private void login(Context ctx) {
    String name = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = ctx.formParam("password");
    Optional<String> code =
        Optional.ofNullable(ctx.formParam("code")).map(String::strip).filter(c -> !c.isEmpty());
    String oldId = WebSecurity.session(ctx).id();
    try (SignInAttempt attempt =
        new SignInAttempt(
            name,
            password == null ? new char[0] : password.toCharArray(),
            code,
            audit.client(ctx))) {
      switch (access.signIn().signIn(attempt)) {
        case SignInOutcome.SignedIn in -> {
          Account account = new Account(in.principal().login(), in.principal());
          WebSecurity.setCookie(ctx, sessions.login(oldId, account, in.session().token()));
          ctx.redirect("/flows", HttpStatus.SEE_OTHER);
        }
        case SignInOutcome.PasswordChangeRequired change ->
            pending(ctx, oldId, change.accountId(), name, Sessions.Pending.Step.CHANGE_PASSWORD);
        case SignInOutcome.MfaEnrolmentRequired enrol ->
            pending(ctx, oldId, enrol.accountId(), name, Sessions.Pending.Step.ENROL_MFA);
        case SignInOutcome.Refused refused -> {
          ctx.status(HttpStatus.UNAUTHORIZED);
          form(ctx, problem(refused.reason(), audit.source(ctx)), "");
        }
      }
    }
  }

  private static String problem(SignInOutcome.Reason reason, String source) {
    return switch (reason) {
      case SECOND_FACTOR_REQUIRED ->
          "Enter the 6-digit code your authenticator app shows (or a recovery code).";
      case ADDRESS_NOT_ALLOWED ->
          "Sign-in from your address ("
              + source
              + ") is not allowed for this account. Sign in from an allowed network (the office"
              + " or its VPN), or ask an admin to add your network to the account's allow-list.";
      default -> REFUSED;
    };
  }

  private void pending(
      Context ctx, String oldId, long accountId, String login, Sessions.Pending.Step step) {
    WebSecurity.setCookie(
        ctx, sessions.pending(oldId, new Sessions.Pending(accountId, login, step)));
    ctx.redirect(
        step == Sessions.Pending.Step.CHANGE_PASSWORD ? "/password" : "/enrol",
        HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    Sessions.Session session = WebSecurity.session(ctx);
    softphones.endSession(session.id());
    if (session.loggedIn()) {
      access.sessions().signOut(session.accessToken());
      access
          .trail()
          .record(
              AuditEvent.of(
                  session.account().name(),
                  AuditAction.SIGN_OUT,
                  session.account().name(),
                  audit.source(ctx),
                  Outcome.SUCCESS));
    }
    sessions.end(session.id());
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
