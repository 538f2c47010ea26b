package io.tabula.ops.console;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.tabula.flows.model.Flow;
import io.tabula.ops.access.audit.AuditAction;
import io.tabula.ops.graph.DiagramSvg;
import io.tabula.ops.graph.FlowDiagram;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** See and edit: the flow list, a flow's overview (versions, history, graph), the editor. */
public final class FlowPages {

  /** A row of the flow list. */
  public record FlowRow(FlowRef ref, Optional<PublishedVersion> published, boolean hasDraft) {}

  /** A prompt of the draft, for the table beside the editor: its words in each language. */
  public record PromptRow(String id, Map<String, String> texts, int line) {
    public String text(String language) {
      return texts.getOrDefault(language, "");
    }

    /** No words in {@code language}: the validator's error, marked in the table too. */
    public boolean missing(String language) {
      return text(language).isEmpty();
    }

    /** The id of the cell's input: kept across the table's refreshes, so focus stays there. */
    public String cell(String language) {
      return "prompt-" + id + "-" + language;
    }
  }

  private final FlowLibrary library;
  private final Templates templates;
  private final Assets assets;
  private final ConsoleAudit audit;

  FlowPages(FlowLibrary library, Templates templates, Assets assets, ConsoleAudit audit) {
    this.audit = audit;
    this.library = library;
    this.templates = templates;
    this.assets = assets;
  }

  void routes(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.redirect("/flows", HttpStatus.SEE_OTHER));
    routes.get("/flows", this::list);
    routes.get(
        "/schema/flow.schema.json",
        ctx ->
            ctx.contentType("application/json")
                .result(
                    io.tabula.flows.store.ShippedFlowFiles.read(
                            io.tabula.flows.store.ShippedFlowFiles.SCHEMA)
                        .orElseThrow(
                            () ->
                                new NotFoundResponse(
                                    "The flow schema is missing from this build."))));
    routes.get("/flows/{tenant}/{flow}", this::overview);
    routes.get("/flows/{tenant}/{flow}/edit", this::editor);
    routes.post("/flows/{tenant}/{flow}/draft", this::saveDraft);
    routes.post("/flows/{tenant}/{flow}/prompt", this::setPrompt);
  }

  /**
   * The flow named by the path. A tenant the account holds no viewer role on answers 404, as if it
   * did not exist: nothing of tenant A reaches a user of tenant B only.
   */
  static FlowRef ref(Context ctx) {
    FlowRef ref;
    try {
      ref = new FlowRef(ctx.pathParam("tenant"), ctx.pathParam("flow"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundResponse("No such flow; pick one from the list at /flows.");
    }
    Account account = WebSecurity.session(ctx).account();
    if (account == null || !account.may(Role.VIEWER, ref.tenant())) {
      throw RefusedRequest.otherTenant();
    }
    return ref;
  }

  Page page(Context ctx, String title) {
    Sessions.Session session = WebSecurity.session(ctx);
    String tenant = ctx.pathParamMap().get("tenant");
    return new Page(title, session.account(), session.csrf(), assets, tenant);
  }

  private void list(Context ctx) throws IOException {
    List<FlowRow> rows = new ArrayList<>();
    Account account = WebSecurity.session(ctx).account();
    for (FlowRef ref : library.flows()) {
      if (!account.may(Role.VIEWER, ref.tenant())) {
        continue;
      }
      rows.add(new FlowRow(ref, library.latest(ref), library.draft(ref).isPresent()));
    }
    templates.page(ctx, "flows.jte", Map.of("page", page(ctx, "Flows"), "rows", rows));
  }

  private void overview(Context ctx) throws IOException {
    FlowRef ref = ref(ctx);
    List<PublishedVersion> versions = library.versions(ref);
    Optional<String> draft = library.draft(ref);
    if (versions.isEmpty() && draft.isEmpty()) {
      throw new NotFoundResponse("No such flow; pick one from the list at /flows.");
    }
    String text =
        draft.isPresent()
            ? draft.get()
            : library.versionText(ref, versions.getFirst().number()).orElse("");
    DraftCheck.Result check = library.check(ref, text);
    String svg = check.flow().map(flow -> graph(ref, flow)).orElse("");
    templates.page(
        ctx,
        "flow.jte",
        Map.of(
            "page",
            page(ctx, ref.toString()),
            "ref",
            ref,
            "versions",
            versions,
            "hasDraft",
            draft.isPresent(),
            "errors",
            check.errors(),
            "svg",
            svg));
  }

  /**
   * The flow drawn as {@code flows graph} draws it; each step's box links to its line in the
   * editor. {@link DiagramSvg} escapes every text it writes, so the SVG goes into the page as is.
   */
  static String graph(FlowRef ref, Flow flow) {
    return DiagramSvg.write(
        FlowDiagram.layout(flow),
        step -> flow.step(step).map(s -> ref.path() + "/edit#L" + s.pos().line()).orElse(""));
  }

  private void editor(Context ctx) throws IOException {
    FlowRef ref = ref(ctx);
    Optional<String> draft = library.draft(ref);
    Optional<String> text =
        draft.isPresent() ? draft : library.latest(ref).flatMap(v -> version(ref, v));
    if (text.isEmpty()) {
      throw new NotFoundResponse("No such flow; pick one from the list at /flows.");
    }
    templates.page(
        ctx,
        "edit.jte",
        Map.of(
            "page", page(ctx, "Edit " + ref),
            "ref", ref,
            "text", text.get(),
            "check", checkView(ref, text.get())));
  }

  private Optional<String> version(FlowRef ref, PublishedVersion v) {
    try {
      return library.versionText(ref, v.number());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Saves the draft (editors) and answers with its diagnostics: htmx swaps them in. */
  private void saveDraft(Context ctx) throws IOException {
    Account who = WebSecurity.require(ctx, Role.EDITOR);
    FlowRef ref = ref(ctx);
    String text = Optional.ofNullable(ctx.formParam("yaml")).orElse("");
    saveDraftRecorded(ctx, who, ref, text);
    if (ctx.header("HX-Request") == null) {
      ctx.redirect(ref.path() + "/edit", HttpStatus.SEE_OTHER);
      return;
    }
    templates.page(
        ctx,
        "checked.jte",
        Map.of("check", checkView(ref, text), "page", page(ctx, "Edit " + ref), "ref", ref));
  }

  /**
   * A cell of the prompt table: sets one prompt's words in one language by a careful edit of the
   * YAML ({@link PromptEdit}), which stays the one source of truth. With the editor's text in
   * {@code yaml} (the page's script) it answers the edited text, which the editor takes as any
   * other change (saved and checked after 400 ms); without (a plain form) it edits the saved draft
   * and shows the editor again.
   */
  private void setPrompt(Context ctx) throws IOException {
    Account who = WebSecurity.require(ctx, Role.EDITOR);
    FlowRef ref = ref(ctx);
    String id = Optional.ofNullable(ctx.formParam("prompt")).orElse("");
    String language = Optional.ofNullable(ctx.formParam("language")).orElse("");
    String words = Optional.ofNullable(ctx.formParam("words")).orElse("");
    String fromEditor = ctx.formParam("yaml");
    Optional<String> text =
        fromEditor != null ? Optional.of(fromEditor) : library.draft(ref).or(() -> latestText(ref));
    if (text.isEmpty()) {
      throw new NotFoundResponse("No such flow; pick one from the list at /flows.");
    }
    String edited;
    try {
      edited = PromptEdit.set(text.get(), id, language, words);
    } catch (PromptEdit.Refused e) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .contentType("text/plain; charset=utf-8")
          .result("Not changed: " + e.getMessage() + ".");
      return;
    }
    if (fromEditor != null) {
      ctx.contentType("text/plain; charset=utf-8").result(edited);
      return;
    }
    saveDraftRecorded(ctx, who, ref, edited);
    ctx.redirect(ref.path() + "/edit#prompts", HttpStatus.SEE_OTHER);
  }

  /** Saves a draft with its attempt and outcome in the trail (no trail, no save). */
  private void saveDraftRecorded(Context ctx, Account who, FlowRef ref, String text)
      throws IOException {
    audit.change(
        ctx,
        who,
        AuditAction.DRAFT_SAVE,
        ref,
        () -> {
          library.saveDraft(ref, text);
          return text.length();
        },
        length -> "chars=" + length);
  }

  private Optional<String> latestText(FlowRef ref) {
    try {
      return library.latest(ref).flatMap(v -> version(ref, v));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The diagnostics, the lines they mark, and the prompts, as the editor shows them. */
  public record CheckView(
      DraftCheck.Result result,
      int lineCount,
      Map<Integer, String> marks,
      List<PromptRow> prompts,
      List<String> languages) {}

  CheckView checkView(FlowRef ref, String text) {
    DraftCheck.Result result = library.check(ref, text);
    Map<Integer, String> marks = new java.util.TreeMap<>();
    result.problems().stream()
        .filter(io.tabula.flows.model.Diagnostic::isError)
        .forEach(d -> marks.merge(d.pos().line(), d.message(), (a, b) -> a + "; " + b));
    // The parsed flow, not the compiled one: the table must show (and mark) a missing translation,
    // which is the validator's error and leaves no compiled flow.
    Optional<Flow> parsed = io.tabula.flows.parse.FlowParser.parse(ref + ".yaml", text).checkable();
    List<PromptRow> prompts = parsed.map(FlowPages::prompts).orElse(List.of());
    List<String> languages = parsed.map(Flow::languages).orElse(List.of());
    int lines = Math.max(1, (int) text.lines().count());
    return new CheckView(result, lines, marks, prompts, languages);
  }

  private static List<PromptRow> prompts(Flow flow) {
    return flow.prompts().entrySet().stream()
        .map(
            e ->
                new PromptRow(
                    e.getKey(),
                    flow.translations().getOrDefault(e.getKey(), Map.of()),
                    Optional.ofNullable(flow.promptPositions().get(e.getKey()))
                        .map(io.tabula.flows.model.SourcePos::line)
                        .orElse(0)))
        .sorted(java.util.Comparator.comparingInt(PromptRow::line))
        .toList();
  }
}
