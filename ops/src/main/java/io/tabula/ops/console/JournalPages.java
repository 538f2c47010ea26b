package io.tabula.ops.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.tabula.journal.TenantJournal;
import io.tabula.journal.access.JournalAccess;
import io.tabula.journal.access.JournalAccessDeniedException;
import io.tabula.journal.access.JournalAction;
import io.tabula.journal.access.JournalTrailException;
import io.tabula.journal.crypto.BlindIndex;
import io.tabula.journal.record.JournalRecord;
import io.tabula.journal.store.JournalStoreException;
import io.tabula.ops.access.AccessControl;
import io.tabula.ops.access.audit.AuditRecord;
import io.tabula.ops.journal.TrailJournalGate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The journal page. A rep searches one exact value of a tenant they hold {@code rep} on and sees
 * the records with sealed values masked; to re-identify they give a reason, and only once the
 * request is in the audit trail does the server send the sealed values, which the browser opens
 * with the tenant's private key ({@code journal.js}, WebCrypto): the key and the clear values never
 * reach the server. An auditor sees counts and the journal's trail, never a record. Every access
 * goes through {@link TrailJournalGate}: role first, trail record second, fail closed.
 */
final class JournalPages {

  private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern VALUE = Pattern.compile("[0-9A-Za-z-]{1,64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<ConsoleJournal> journal;
  private final AccessControl access;
  private final Templates templates;
  private final FlowPages pages;
  private final ConsoleAudit audit;
  private final JournalSearches searches;

  JournalPages(
      Optional<ConsoleJournal> journal,
      AccessControl access,
      Templates templates,
      FlowPages pages,
      ConsoleAudit audit,
      Clock clock) {
    this.journal = journal;
    this.access = access;
    this.templates = templates;
    this.pages = pages;
    this.audit = audit;
    this.searches = new JournalSearches(clock);
  }

  void routes(RoutesConfig routes) {
    routes.get("/journal", ctx -> show(ctx, null, ""));
    routes.post("/journal/search", this::search);
    routes.post("/journal/reidentify", this::reidentify);
  }

  private TrailJournalGate gate(Context ctx) {
    return new TrailJournalGate(
        access, WebSecurity.session(ctx).account().principal(), audit.source(ctx), () -> {});
  }

  private void show(Context ctx, JournalView.Result result, String problem) {
    if (journal.isEmpty()) {
      render(ctx, new JournalView(false, List.of(), List.of(), null, problem));
      return;
    }
    ConsoleJournal j = journal.get();
    Account account = WebSecurity.session(ctx).account();
    TrailJournalGate gate = gate(ctx);
    List<String> searchable = new ArrayList<>();
    List<JournalView.TenantAudit> audits = new ArrayList<>();
    for (String tenant : j.config().tenants().keySet().stream().sorted().toList()) {
      if (may(account, JournalAction.SEARCH, tenant)) {
        searchable.add(tenant);
      }
      if (may(account, JournalAction.COUNT, tenant)) {
        audits.add(audit(ctx, j, gate, tenant));
      }
    }
    render(ctx, new JournalView(true, searchable, audits, result, problem));
  }

  private boolean may(Account account, JournalAction action, String tenant) {
    return access
        .authorizer()
        .may(account.principal(), TrailJournalGate.permission(action), tenant);
  }

  private JournalView.TenantAudit audit(
      Context ctx, ConsoleJournal j, TrailJournalGate gate, String tenant) {
    gate.record(new JournalAccess(JournalAction.COUNT, tenant, "-", List.of(), ""));
    long count;
    try {
      count = j.archive().count(tenant);
    } catch (JournalStoreException e) {
      throw unavailable();
    }
    List<JournalView.TrailLine> trail = new ArrayList<>();
    access
        .trailReader()
        .forEachOfTenants(
            List.of(tenant),
            (AuditRecord r) -> {
              if (r.event().action().code().startsWith("journal-")) {
                trail.add(
                    new JournalView.TrailLine(
                        r.at().toString(),
                        r.event().actor(),
                        r.event().action().code(),
                        r.event().target(),
                        r.event().detail()));
              }
            });
    return new JournalView.TenantAudit(tenant, count, trail.reversed());
  }

  private void search(Context ctx) {
    ConsoleJournal j = journal.orElseThrow(() -> new NotFoundResponse(NOT_CONFIGURED));
    String field = param(ctx, "field", FIELD, "the field: ticket or account");
    String value = param(ctx, "value", VALUE, "the exact value: up to 64 letters or digits");
    TenantJournal tenant = tenant(ctx, j);
    TrailJournalGate gate = gate(ctx);
    admit(gate, JournalAction.SEARCH, tenant.tenant());
    byte[] index = BlindIndex.of(tenant.searchKey(), tenant.tenant(), field, value);
    List<JournalRecord> found = find(j, tenant.tenant(), field, index);
    record(gate, JournalAction.SEARCH, tenant.tenant(), field, found, "");
    String id = searches.remember(gate.who(), tenant.tenant(), field, index);
    show(
        ctx,
        new JournalView.Result(
            id,
            tenant.tenant(),
            field,
            found.stream().map(JournalView::of).toList(),
            may(WebSecurity.session(ctx).account(), JournalAction.REIDENTIFY, tenant.tenant())),
        found.isEmpty() ? "No record of that " + field + " in " + tenant.tenant() + "." : "");
  }

  /**
   * Sends the sealed values of a search's records, after the request and its reason are in the
   * trail: never before, and never if the trail cannot be written.
   */
  private void reidentify(Context ctx) throws Exception {
    ConsoleJournal j = journal.orElseThrow(() -> new NotFoundResponse(NOT_CONFIGURED));
    TrailJournalGate gate = gate(ctx);
    JournalSearches.Search search =
        searches
            .find(ctx.formParam("search"), gate.who())
            .orElseThrow(
                () ->
                    new NotFoundResponse("This search has expired or is not yours; search again."));
    admit(gate, JournalAction.REIDENTIFY, search.tenant());
    String reason = Optional.ofNullable(ctx.formParam("reason")).orElse("").strip();
    if (reason.isEmpty() || reason.length() > 500) {
      throw new BadRequestResponse(
          "Say why the records are opened (a ticket number, a purpose; at most 500 characters).");
    }
    List<JournalRecord> found = find(j, search.tenant(), search.field(), search.index());
    record(gate, JournalAction.REIDENTIFY, search.tenant(), search.field(), found, reason);
    ctx.contentType("application/json")
        .result(JSON.writeValueAsString(SealedValues.of(search.tenant(), found)));
  }

  private static void admit(TrailJournalGate gate, JournalAction action, String tenant) {
    try {
      gate.admit(action, tenant);
    } catch (JournalAccessDeniedException e) {
      throw new ForbiddenResponse(e.getMessage());
    }
  }

  private static void record(
      TrailJournalGate gate,
      JournalAction action,
      String tenant,
      String field,
      List<JournalRecord> found,
      String reason) {
    try {
      gate.record(
          new JournalAccess(
              action, tenant, field, found.stream().map(JournalRecord::id).toList(), reason));
    } catch (JournalTrailException e) {
      throw new io.javalin.http.HttpResponseException(
          HttpStatus.SERVICE_UNAVAILABLE.getCode(),
          "The request could not be recorded in the audit trail, so nothing was sent; try again"
              + " later or tell an admin.");
    }
  }

  private static List<JournalRecord> find(
      ConsoleJournal j, String tenant, String field, byte[] index) {
    try {
      return j.archive().find(tenant, field, index);
    } catch (JournalStoreException e) {
      throw unavailable();
    }
  }

  private static io.javalin.http.HttpResponseException unavailable() {
    return new io.javalin.http.HttpResponseException(
        HttpStatus.SERVICE_UNAVAILABLE.getCode(),
        "The journal's database cannot be reached; try again in a minute.");
  }

  private static TenantJournal tenant(Context ctx, ConsoleJournal j) {
    return j.tenant(ctx.formParam("tenant"))
        .orElseThrow(() -> new BadRequestResponse("Pick a tenant from the list."));
  }

  private static String param(Context ctx, String name, Pattern allowed, String what) {
    String value = Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
    if (!allowed.matcher(value).matches()) {
      throw new BadRequestResponse("Give " + what + ".");
    }
    return value;
  }

  private void render(Context ctx, JournalView view) {
    templates.page(ctx, "journal.jte", Map.of("page", pages.page(ctx, "Journal"), "view", view));
  }

  private static final String NOT_CONFIGURED =
      "This console has no call journal; start it with --journal-config FILE.";
}
