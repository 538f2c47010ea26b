package io.tabula.ops.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tabula.ops.access.session.SessionEndedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;

/**
 * What every request goes through: security headers (HSTS, a Content Security Policy that allows
 * only the console's own scripts and styles, no framing), the session cookie, the CSRF token on
 * every state change, and the login wall.
 */
final class WebSecurity {

  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " media-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSRF_FIELD = "_csrf";
  private static final String SESSION = "console.session";
  private static final Set<String> OPEN =
      Set.of("/login", "/password", "/enrol", "/oidc/start", "/oidc/callback");

  private final Sessions sessions;
  private final io.tabula.ops.access.session.Sessions accessSessions;
  private final ConsoleAudit audit;

  WebSecurity(
      Sessions sessions, io.tabula.ops.access.session.Sessions accessSessions, ConsoleAudit audit) {
    this.sessions = sessions;
    this.accessSessions = accessSessions;
    this.audit = audit;
  }

  void before(Context ctx) {
    ctx.header("Strict-Transport-Security", "max-age=31536000");
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    String path = ctx.path();
    if (path.startsWith("/assets/") || path.startsWith("/webjars/")) {
      return;
    }
    Sessions.Session session =
        sessions
            .find(ctx.cookie(Sessions.COOKIE))
            .filter(found -> accessSessionLive(ctx, found))
            .orElseGet(() -> setCookie(ctx, sessions.anonymous()));
    ctx.attribute(SESSION, session);
    if (!ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD")) {
      requireCsrf(ctx, session);
    }
    if (!session.loggedIn() && !OPEN.contains(path)) {
      if (ctx.header("HX-Request") != null) {
        ctx.header("HX-Redirect", "/login");
      }
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
    }
  }

  /**
   * A signed-in session lives only while its access-library session does (15 minutes idle, a fixed
   * maximum, sign-out everywhere, a password change elsewhere); each check counts as activity.
   */
  private boolean accessSessionLive(Context ctx, Sessions.Session session) {
    if (!session.loggedIn()) {
      return true;
    }
    try {
      accessSessions.check(session.accessToken());
      return true;
    } catch (SessionEndedException e) {
      sessions.end(session.id());
      ctx.attribute(SESSION, session);
      audit.denied(
          ctx, "session-ended-" + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      return false;
    }
  }

  private static void requireCsrf(Context ctx, Sessions.Session session) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (!csrfMatches(sent, session.csrf())) {
      throw RefusedRequest.forbidden(
          "csrf-token-mismatch",
          "This form is out of date or did not come from the console; reload the page and try again.");
    }
  }

  /**
   * Whether a token sent with a request is the session's, compared in constant time. The bytes are
   * compared as UTF-8: as ASCII every other character would become {@code ?}, and two different
   * tokens could compare equal.
   */
  static boolean csrfMatches(String sent, String expected) {
    return sent != null
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  static Sessions.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  static Sessions.Session setCookie(Context ctx, Sessions.Session session) {
    ctx.res()
        .addHeader(
            "Set-Cookie",
            Sessions.COOKIE + "=" + session.id() + "; Path=/; Secure; HttpOnly; SameSite=Strict");
    ctx.attribute(SESSION, session);
    return session;
  }

  /**
   * The signed-in account, if its roles on the tenant in the path grant what {@code role} stands
   * for; a 403 otherwise.
   */
  static Account require(Context ctx, Role role) {
    Account account = session(ctx).account();
    if (account == null || !account.may(role, ctx.pathParamMap().get("tenant"))) {
      String permission = role.permission().name().toLowerCase(java.util.Locale.ROOT);
      throw RefusedRequest.forbidden(
          "needs-" + permission.replace('_', '-'),
          "This needs the "
              + permission
              + " permission on this tenant; ask an admin of the tenant for a role that grants it.");
    }
    return account;
  }
}
