package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tabula.ops.access.oidc.OidcOutcome;
import io.tabula.ops.access.oidc.OidcSignIn;
import io.tabula.ops.access.oidc.OidcStart;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single sign-on: {@code /oidc/start} sends the browser to the identity provider (authorization
 * code + PKCE, a fresh state and nonce kept here, server-side, for this browser's session only),
 * {@code /oidc/callback} completes it through {@link OidcSignIn}, which checks state, nonce, the ID
 * token, the allow-list and maps the provider's groups to roles. A refusal goes back to the sign-in
 * page, saying why.
 */
final class OidcPages {

  private static final Duration PENDING = Duration.ofMinutes(10);
  private static final int SWEEP_ABOVE = 1_000;

  private record Pending(OidcStart start, Instant until) {}

  private final OidcSignIn oidc;
  private final ConsoleAudit audit;
  private final Sessions sessions;
  private final Clock clock;
  private final Map<String, Pending> started = new ConcurrentHashMap<>();

  OidcPages(OidcSignIn oidc, ConsoleAudit audit, Sessions sessions, Clock clock) {
    this.oidc = oidc;
    this.audit = audit;
    this.sessions = sessions;
    this.clock = clock;
  }

  void routes(RoutesConfig routes) {
    routes.get("/oidc/start", this::start);
    routes.get("/oidc/callback", this::callback);
  }

  private void start(Context ctx) {
    Instant now = clock.instant();
    if (started.size() > SWEEP_ABOVE) {
      started.values().removeIf(p -> now.isAfter(p.until()));
    }
    OidcStart start = oidc.begin();
    started.put(WebSecurity.session(ctx).id(), new Pending(start, now.plus(PENDING)));
    ctx.redirect(start.authorizationUri().toString(), HttpStatus.SEE_OTHER);
  }

  private void callback(Context ctx) {
    String sessionId = WebSecurity.session(ctx).id();
    Pending pending = started.remove(sessionId);
    if (pending == null || clock.instant().isAfter(pending.until())) {
      ctx.redirect("/login?sso=not-started", HttpStatus.SEE_OTHER);
      return;
    }
    switch (oidc.complete(URI.create(ctx.fullUrl()), pending.start(), audit.client(ctx))) {
      case OidcOutcome.SignedIn in -> {
        Account account = new Account(in.principal().login(), in.principal());
        WebSecurity.setCookie(ctx, sessions.login(sessionId, account, in.session().token()));
        ctx.redirect("/flows", HttpStatus.SEE_OTHER);
      }
      case OidcOutcome.Refused refused ->
          ctx.redirect(
              "/login?sso=" + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
              HttpStatus.SEE_OTHER);
    }
  }

  /** What the sign-in page says after a refused single sign-on ({@code ?sso=}). */
  static String problem(String code) {
    return switch (code) {
      case "" -> "";
      case "no-mapped-group" ->
          "Single sign-on worked, but none of your groups at the identity provider grants a role"
              + " here; ask an admin to map one of your groups.";
      case "mfa-not-proven" ->
          "The identity provider did not confirm a second factor; sign in there with MFA and try"
              + " again.";
      case "address-not-allowed" ->
          "Sign-in from your address is not allowed for this account; sign in from an allowed"
              + " network (the office or its VPN), or ask an admin.";
      case "not-started" ->
          "That single sign-on did not start here or took too long; press Sign in with SSO again.";
      default ->
          "Single sign-on was refused ("
              + (code.matches("[a-z-]{1,32}") ? code : "error")
              + "); press Sign in with SSO again, or ask an admin.";
    };
  }
}
