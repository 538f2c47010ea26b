package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.Map;

/** {@code /login} and {@code /logout}. */
final class LoginPages {

  private final Accounts accounts;
  private final Sessions sessions;
  private final Softphones softphones;
  private final Templates templates;
  private final Assets assets;

  LoginPages(
      Accounts accounts,
      Sessions sessions,
      Softphones softphones,
      Templates templates,
      Assets assets) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.softphones = softphones;
    this.templates = templates;
    this.assets = assets;
  }

  void routes(RoutesConfig routes) {
    routes.get("/login", ctx -> form(ctx, ""));
    routes.post("/login", this::login);
    routes.post("/logout", this::logout);
  }

  private void form(Context ctx, String problem) {
    Sessions.Session session = WebSecurity.session(ctx);
    templates.page(
        ctx,
        "login.jte",
        Map.of("page", new Page("Log in", null, session.csrf(), assets), "problem", problem));
  }

  private void login(Context ctx) {
    String name = ctx.formParam("username");
    String password = ctx.formParam("password");
    char[] secret = password == null ? new char[0] : password.toCharArray();
    try {
      var account = accounts.login(name == null ? "" : name, secret);
      if (account.isEmpty()) {
        ctx.status(HttpStatus.UNAUTHORIZED);
        form(ctx, "That user name and password do not match; try again.");
        return;
      }
      Sessions.Session session = sessions.login(ctx.cookie(Sessions.COOKIE), account.get());
      WebSecurity.setCookie(ctx, session);
      ctx.redirect("/flows", HttpStatus.SEE_OTHER);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private void logout(Context ctx) {
    Sessions.Session session = WebSecurity.session(ctx);
    softphones.endSession(session.id());
    sessions.end(session.id());
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
