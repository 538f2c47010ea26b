package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.access.audit.AuditEvent;
import io.tabula.ops.access.audit.AuditEvent.Outcome;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.access.audit.Checkpoint;
import io.tabula.ops.access.audit.TrailExport;
import io.tabula.ops.access.audit.TrailSearch;
import io.tabula.ops.access.audit.TrailVerifier;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /trail}: the access audit trail for auditors (and admins) of a tenant, filtered, newest
 * first, {@value #PAGE_SIZE} a page; "verify" runs the check {@code tabula audit trail verify} runs
 * and marks each record's chain status; {@code /trail/export} sends the filtered records as JSON
 * lines, recorded as an export before they leave. Anyone else gets 403 and sees no link.
 */
public final class TrailPages {

  static final int PAGE_SIZE = 50;

  /** One row of the table: the record and its chain status (empty before a verify). */
  public record Row(AuditRecord record, String status) {}

  /** What a verify found, in words for the page. */
  public record Verification(boolean intact, String summary) {}

  private final AccessControl access;
  private final ConsoleAudit audit;
  private final Templates templates;
  private final Assets assets;

  TrailPages(AccessControl access, ConsoleAudit audit, Templates templates, Assets assets) {
    this.access = access;
    this.audit = audit;
    this.templates = templates;
    this.assets = assets;
  }

  void routes(RoutesConfig routes) {
    routes.get("/trail", this::show);
    routes.get("/trail/export", this::export);
  }

  private static Account auditor(Context ctx) {
    Account account = WebSecurity.session(ctx).account();
    if (account == null || !account.mayReadTrail()) {
      throw RefusedRequest.forbidden(
          "needs-read-audit-trail",
          "The audit trail is for auditors and admins of a tenant; ask an admin of your tenant"
              + " for the auditor role.");
    }
    return account;
  }

  private void show(Context ctx) {
    Account account = auditor(ctx);
    TrailQuery query = TrailQuery.of(ctx, account.trailTenants());
    Optional<Long> before = PublishPages.number(ctx.queryParam("before")).map(Integer::longValue);
    TrailSearch.Page page = access.trailSearch().page(query.filter(), before, PAGE_SIZE);
    boolean verify = ctx.queryParam("verify") != null;
    Optional<TrailVerifier.Result> result =
        verify ? access.trailVerifier().map(TrailVerifier::verify) : Optional.empty();
    long lastSigned =
        access.trailReader().checkpoints().stream().mapToLong(Checkpoint::seq).max().orElse(0);
    List<Row> rows =
        page.records().stream()
            .map(r -> new Row(r, result.map(v -> status(r.seq(), v, lastSigned)).orElse("")))
            .toList();
    templates.page(
        ctx,
        "trail.jte",
        Map.of(
            "page",
            new Page("Audit trail", account, WebSecurity.session(ctx).csrf(), assets),
            "query",
            query,
            "rows",
            rows,
            "more",
            page.more() ? "/trail?" + query.query("before", "" + page.olderThan()) : "",
            "verification",
            verification(verify, result),
            "actions",
            Arrays.stream(AuditAction.values()).map(AuditAction::code).toList(),
            "outcomes",
            Arrays.stream(Outcome.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList(),
            "tenants",
            account.trailTenants()));
  }

  private Optional<Verification> verification(
      boolean asked, Optional<TrailVerifier.Result> result) {
    if (!asked) {
      return Optional.empty();
    }
    if (result.isEmpty()) {
      return Optional.of(
          new Verification(
              false,
              "This console holds no trail public key; run tabula audit trail verify"
                  + " --public-key where the key is."));
    }
    TrailVerifier.Result r = result.get();
    return Optional.of(
        r.firstBreak()
            .map(
                b ->
                    new Verification(
                        false,
                        "The trail is BROKEN at record "
                            + b.seq()
                            + ": "
                            + b.problem().explanation()
                            + ". Records from "
                            + b.seq()
                            + " on cannot be trusted; compare with your SIEM's copy."))
            .orElseGet(
                () ->
                    new Verification(
                        true,
                        "The trail is intact: "
                            + r.records()
                            + " record(s), "
                            + r.checkpoints()
                            + " signed head(s) verified.")));
  }

  private static String status(long seq, TrailVerifier.Result result, long lastSigned) {
    Optional<TrailVerifier.Break> broken = result.firstBreak();
    if (broken.isPresent() && seq == broken.get().seq()) {
      return "broken here";
    }
    if (broken.isPresent() && seq > broken.get().seq()) {
      return "after the break: not trusted";
    }
    return seq <= lastSigned ? "intact, signed" : "intact, not signed yet";
  }

  private void export(Context ctx) {
    Account account = auditor(ctx);
    TrailQuery query = TrailQuery.of(ctx, account.trailTenants());
    StringWriter lines = new StringWriter();
    long count = TrailExport.write(access.trailSearch(), query.filter(), lines);
    // Recorded before the records leave: if the trail cannot take it, nothing is sent.
    access
        .trail()
        .record(
            AuditEvent.of(
                    account.name(),
                    AuditAction.EXPORT,
                    "console:/trail/export",
                    audit.source(ctx),
                    Outcome.SUCCESS)
                .withTenant(query.tenant().isEmpty() ? "-" : query.tenant())
                .withDetail(
                    "records=" + count + ",tenants=" + String.join("|", query.filter().tenants())));
    ctx.header("Content-Disposition", "attachment; filename=\"audit-trail.jsonl\"")
        .contentType("application/x-ndjson; charset=utf-8")
        .result(lines.toString());
  }
}
