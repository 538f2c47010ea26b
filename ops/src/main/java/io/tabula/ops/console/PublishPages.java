package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tabula.flows.store.PublishRejectedException;
import io.tabula.ops.access.TwoPersonPublishing;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.role.AccessDeniedException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publish: the draft's diff against the published version, publishing it with a change note, and
 * rolling back to an earlier version. Both go through {@link FlowLibrary}, which checks the text it
 * publishes, so a crafted request cannot publish an invalid draft either.
 */
final class PublishPages {

  private static final String PUBLISHED = "published";
  private static final String ROLLED_BACK = "rolledBack";
  private static final String FROM = "from";

  private final FlowLibrary library;
  private final Templates templates;
  private final FlowPages pages;
  private final ConsoleAudit audit;
  private final TwoPersonPublishing twoPerson;

  PublishPages(
      FlowLibrary library,
      Templates templates,
      FlowPages pages,
      ConsoleAudit audit,
      TwoPersonPublishing twoPerson) {
    this.audit = audit;
    this.twoPerson = twoPerson;
    this.library = library;
    this.templates = templates;
    this.pages = pages;
  }

  void routes(RoutesConfig routes) {
    routes.get("/flows/{tenant}/{flow}/publish", this::showAfterRedirect);
    routes.post("/flows/{tenant}/{flow}/publish", this::publish);
    routes.post("/flows/{tenant}/{flow}/rollback", this::rollback);
  }

  /**
   * Answers a state change with 303 to the publish page (POST-redirect-GET), so reloading the page
   * that follows repeats a GET and never publishes again.
   */
  private static void redirectAfter(Context ctx, FlowRef ref, String query) {
    ctx.redirect(ref.path() + "/publish?" + query, HttpStatus.SEE_OTHER);
  }

  /**
   * The publish page, saying what the POST before the redirect did. The query only names version
   * numbers; a version the history does not hold (a hand-made link) is not reported.
   */
  private void showAfterRedirect(Context ctx) throws IOException {
    FlowRef ref = FlowPages.ref(ctx);
    Optional<Integer> published = number(ctx.queryParam(PUBLISHED));
    Optional<Integer> rolledBack = number(ctx.queryParam(ROLLED_BACK));
    Optional<Integer> from = number(ctx.queryParam(FROM));
    String message = "";
    if (published.isPresent() && library.versionText(ref, published.get()).isPresent()) {
      message = "Published version " + published.get() + "; engines take it for their next call.";
    } else if (rolledBack.isPresent()
        && from.isPresent()
        && library.versionText(ref, rolledBack.get()).isPresent()) {
      message =
          "Rolled back: version "
              + rolledBack.get()
              + " serves the text of version "
              + from.get()
              + ".";
    }
    show(ctx, message, "");
  }

  /** A version number as a form or query sends it: 1-9 ASCII digits, nothing else. */
  static Optional<Integer> number(String value) {
    if (value == null || !value.matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(value));
  }

  private void show(Context ctx, String message, String problem) throws IOException {
    FlowRef ref = FlowPages.ref(ctx);
    List<PublishedVersion> versions = library.versions(ref);
    Optional<String> draft = library.draft(ref);
    String published =
        versions.isEmpty() ? "" : library.versionText(ref, versions.getFirst().number()).orElse("");
    DraftCheck.Result draftCheck = library.check(ref, draft.orElse(published));
    DraftCheck.Result publishedCheck = library.check(ref, published);
    FlowChanges changes =
        FlowChanges.between(
            published, publishedCheck.flow(), draft.orElse(published), draftCheck.flow());
    Page page = pages.page(ctx, "Publish " + ref);
    templates.page(
        ctx,
        "publish.jte",
        Map.of(
            "page", page,
            "ref", ref,
            "versions", versions,
            "changes", changes,
            "check", draftCheck,
            "message", message,
            "problem", problem,
            "heldBack", heldBack(page, ref)));
  }

  /**
   * Why this publisher may not publish this draft under two-person publishing ("" when they may),
   * so the page says so instead of offering a button that would answer 403; {@link #publish} checks
   * again.
   */
  private String heldBack(Page page, FlowRef ref) {
    if (!page.may(Role.PUBLISHER)) {
      return "";
    }
    return twoPerson.refusal(page.account().name(), ref.tenant(), ref.flow()).orElse("");
  }

  private void publish(Context ctx) throws IOException {
    Account who = WebSecurity.require(ctx, Role.PUBLISHER);
    FlowRef ref = FlowPages.ref(ctx);
    try {
      twoPerson.check(who.name(), ref.tenant(), ref.flow());
    } catch (AccessDeniedException e) {
      throw RefusedRequest.forbidden(TwoPersonPublishing.REFUSAL, e.getMessage() + ".");
    }
    String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
    if (note.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
      show(ctx, "", "Say what changed in the change note, then publish.");
      return;
    }
    try {
      int version =
          audit.change(
              ctx,
              who,
              AuditAction.PUBLISH,
              ref,
              () -> library.publish(ref, who, note),
              published -> "version=" + published);
      redirectAfter(ctx, ref, PUBLISHED + "=" + version);
    } catch (PublishRejectedException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(
          ctx,
          "",
          "Not published: the draft has "
              + e.problems().stream().filter(io.tabula.flows.model.Diagnostic::isError).count()
              + " error(s); fix each one listed below. The version already live keeps serving.");
    }
  }

  private void rollback(Context ctx) throws IOException {
    Account who = WebSecurity.require(ctx, Role.ROLL_BACK);
    FlowRef ref = FlowPages.ref(ctx);
    // Not Integer.parseInt: it also takes a sign and any script's digits ("+1", "-1",
    // Arabic-Indic).
    int number =
        number(ctx.formParam("version"))
            .orElseThrow(
                () ->
                    new BadRequestResponse(
                        "Pick a version number from the history to roll back to."));
    try {
      int version =
          audit.change(
              ctx,
              who,
              AuditAction.ROLL_BACK,
              ref,
              () -> library.rollback(ref, number, who),
              made -> "version=" + made + ",text-of=" + number);
      redirectAfter(ctx, ref, ROLLED_BACK + "=" + version + "&" + FROM + "=" + number);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("That version does not exist; pick one from the history.");
    } catch (PublishRejectedException e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      show(
          ctx,
          "",
          "Version "
              + number
              + " no longer passes the check: "
              + e.problems().stream()
                  .filter(io.tabula.flows.model.Diagnostic::isError)
                  .map(d -> d.message() + "; fix: " + d.fix())
                  .collect(java.util.stream.Collectors.joining(" | "))
              + ". Fix that, or pick another version.");
    }
  }
}
