package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.mfa.TotpEnrolment;
import io.tabula.ops.access.password.PasswordRejectedException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps between a right password and a session: {@code /password} changes a one-time password
 * (PCI DSS 8.3.5), {@code /enrol} sets up TOTP from a QR code drawn on the server (8.4.2). Each is
 * open only to a session whose sign-in stopped at that step.
 */
final class SignInSteps {

  private final AccessControl access;
  private final ConsoleAudit audit;
  private final Sessions sessions;
  private final Templates templates;
  private final Assets assets;

  SignInSteps(
      AccessControl access,
      ConsoleAudit audit,
      Sessions sessions,
      Templates templates,
      Assets assets) {
    this.access = access;
    this.audit = audit;
    this.sessions = sessions;
    this.templates = templates;
    this.assets = assets;
  }

  void routes(RoutesConfig routes) {
    routes.get("/password", ctx -> step(ctx, Sessions.Pending.Step.CHANGE_PASSWORD, this::form));
    routes.post("/password", ctx -> step(ctx, Sessions.Pending.Step.CHANGE_PASSWORD, this::change));
    routes.get("/enrol", ctx -> step(ctx, Sessions.Pending.Step.ENROL_MFA, this::enrolment));
    routes.post("/enrol", ctx -> step(ctx, Sessions.Pending.Step.ENROL_MFA, this::confirm));
  }

  private interface StepHandler {
    void handle(Context ctx, Sessions.Pending pending);
  }

  private void step(Context ctx, Sessions.Pending.Step step, StepHandler handler) {
    Sessions.Pending pending = WebSecurity.session(ctx).pending();
    if (pending == null || pending.step() != step) {
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
      return;
    }
    handler.handle(ctx, pending);
  }

  private void form(Context ctx, Sessions.Pending pending) {
    showPassword(ctx, pending, "");
  }

  private void showPassword(Context ctx, Sessions.Pending pending, String problem) {
    templates.page(
        ctx,
        "password.jte",
        Map.of(
            "page",
            page(ctx, "Choose a new password"),
            "login",
            pending.login(),
            "problem",
            problem));
  }

  private void change(Context ctx, Sessions.Pending pending) {
    char[] current = chars(ctx.formParam("current"));
    char[] next = chars(ctx.formParam("next"));
    char[] repeat = chars(ctx.formParam("repeat"));
    try {
      if (!Arrays.equals(next, repeat)) {
        ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        showPassword(ctx, pending, "The two new passwords differ; type the same one twice.");
        return;
      }
      access.signIn().changePassword(pending.login(), current, next, audit.client(ctx), null);
      sessions.end(WebSecurity.session(ctx).id());
      ctx.redirect("/login?done=password", HttpStatus.SEE_OTHER);
    } catch (PasswordRejectedException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      showPassword(ctx, pending, why(e.reason()));
    } finally {
      Arrays.fill(current, '\0');
      Arrays.fill(next, '\0');
      Arrays.fill(repeat, '\0');
    }
  }

  private static String why(PasswordRejectedException.Reason reason) {
    return switch (reason) {
      case WRONG_CURRENT_PASSWORD -> "The current (one-time) password is not right; type it again.";
      default -> "That new password is refused: " + reason.advice() + ".";
    };
  }

  private void enrolment(Context ctx, Sessions.Pending pending) {
    showEnrolment(ctx, pending, "");
  }

  private void showEnrolment(Context ctx, Sessions.Pending pending, String problem) {
    TotpEnrolment enrolment = access.beginMfaEnrolment(pending.accountId(), audit.source(ctx));
    String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(enrolment.qrPng());
    String key = secretOf(enrolment.uri());
    templates.page(
        ctx,
        "enrol.jte",
        Map.of(
            "page", page(ctx, "Set up your authenticator app"),
            "qr", qr,
            "key", key,
            "problem", problem,
            "codes", List.<String>of()));
  }

  private void confirm(Context ctx, Sessions.Pending pending) {
    String code = Optional.ofNullable(ctx.formParam("code")).orElse("").strip();
    List<String> codes =
        code.matches("[0-9]{6}")
            ? access.confirmMfaEnrolment(
                pending.accountId(), Integer.parseInt(code), audit.source(ctx))
            : List.of();
    if (codes.isEmpty()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      showEnrolment(
          ctx,
          pending,
          "That code does not match; scan this new QR code and enter the code the app shows.");
      return;
    }
    sessions.end(WebSecurity.session(ctx).id());
    templates.page(
        ctx,
        "enrol.jte",
        Map.of(
            "page", page(ctx, "Your recovery codes"),
            "qr", "",
            "key", "",
            "problem", "",
            "codes", codes));
  }

  /** The Base32 secret of an {@code otpauth://} URI, for typing into an app that cannot scan. */
  private static String secretOf(String uri) {
    for (String part : uri.substring(uri.indexOf('?') + 1).split("&")) {
      if (part.startsWith("secret=")) {
        return part.substring("secret=".length());
      }
    }
    return "";
  }

  private Page page(Context ctx, String title) {
    return new Page(title, null, WebSecurity.session(ctx).csrf(), assets);
  }

  private static char[] chars(String value) {
    return value == null ? new char[0] : value.toCharArray();
  }
}
