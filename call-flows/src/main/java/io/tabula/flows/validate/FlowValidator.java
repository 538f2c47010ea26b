package io.tabula.flows.validate;

import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.CheckSpec;
import io.tabula.flows.model.Condition;
import io.tabula.flows.model.Diagnostic;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.Target;
import io.tabula.flows.parse.Suggest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what a flow means, after parsing: every problem at once, each with its position and a fix.
 * The rules: unknown steps, unreachable steps, loops that never wait for the caller, secure fields
 * spoken or branched on, prompts without text, values used before they exist, a missing agent path,
 * unknown connectors, type errors, and the payment rules of {@link PaymentPaths}: a pay step's
 * timeout covers its connector's send budget, its unknown branch never leads back to it (an error),
 * and its error branch had better not either (a warning).
 *
 * <pre>{@code
 * List<Diagnostic> problems = new FlowValidator(catalog).validate(flow);
 * }</pre>
 */
public final class FlowValidator {

  private final ConnectorCatalog catalog;

  public FlowValidator(ConnectorCatalog catalog) {
    this.catalog = catalog;
  }

  public List<Diagnostic> validate(Flow flow) {
    List<Diagnostic> problems = new ArrayList<>();
    SourcePos top = new SourcePos(flow.file(), 1, 1);
    if (flow.agent().isEmpty()) {
      problems.add(
          new Diagnostic(
              top,
              "the flow has no agent path, so a caller can never reach a person",
              "add 'agent: {queue: <queue>, key: \"0\"}'"));
    }
    checkTargets(flow, problems);
    Set<String> reachable = FlowGraph.reachable(flow);
    for (Step step : flow.steps().values()) {
      if (!reachable.contains(step.id())) {
        problems.add(
            new Diagnostic(
                step.pos(),
                "step '" + step.id() + "' is unreachable",
                "go to it from another step, or delete it"));
      }
    }
    for (List<String> loop : FlowGraph.busyLoops(flow)) {
      problems.add(
          new Diagnostic(
              flow.steps().get(loop.getFirst()).pos(),
              "steps "
                  + String.join(" -> ", loop)
                  + " -> "
                  + loop.getFirst()
                  + " loop without waiting for the caller",
              "put a menu or collect in the loop, or leave it on some path"));
    }
    Symbols symbols = new Symbols(flow, problems);
    Set<String> universe = new HashSet<>(symbols.names());
    ValueFlow values = new ValueFlow(flow, reachable, universe);
    RefChecker refs = new RefChecker(symbols, problems);
    flow.onError().prompt().ifPresent(p -> checkPrompt(flow, p, problems));
    for (Step step : flow.steps().values()) {
      Set<String> defined = reachable.contains(step.id()) ? values.definedAt(step.id()) : universe;
      new StepChecks(flow, catalog, refs, problems, defined).check(step);
    }
    new PaymentPaths(flow, catalog, problems).check();
    return problems;
  }

  private static void checkTargets(Flow flow, List<Diagnostic> problems) {
    List<Target> targets = new ArrayList<>(List.of(flow.start()));
    flow.steps().values().forEach(step -> step.edges().forEach(edge -> targets.add(edge.target())));
    for (Target target : targets) {
      if (!target.step().isEmpty() && !flow.steps().containsKey(target.step())) {
        problems.add(
            new Diagnostic(
                target.pos(),
                "step '"
                    + target.step()
                    + "' does not exist"
                    + Suggest.hint(target.step(), flow.steps().keySet()),
                "use the name of a step under 'steps', or add that step"));
      }
    }
  }

  static void checkPrompt(Flow flow, SayItem.PromptRef prompt, List<Diagnostic> problems) {
    if (prompt.id().isEmpty()) {
      return;
    }
    if (!flow.prompts().containsKey(prompt.id())) {
      problems.add(
          new Diagnostic(
              prompt.pos(),
              "prompt '"
                  + prompt.id()
                  + "' has no text"
                  + Suggest.hint(prompt.id(), flow.prompts().keySet()),
              "add '" + prompt.id() + ": \"<what it says>\"' under 'prompts'"));
    } else {
      checkTranslations(flow, prompt.id(), problems);
    }
  }

  /**
   * A prompt needs words in every language of the flow: each missing one is named once, at the
   * prompt, however many steps play it.
   */
  private static void checkTranslations(Flow flow, String id, List<Diagnostic> problems) {
    for (String language : flow.languages()) {
      if (!flow.promptText(id, language).isBlank()) {
        continue;
      }
      Diagnostic missing =
          flow.languages().size() == 1
              ? new Diagnostic(
                  flow.promptPositions().get(id),
                  "prompt '" + id + "' has no text",
                  "write what the recording says after '" + id + ":'")
              : new Diagnostic(
                  flow.promptPositions().get(id),
                  "prompt '"
                      + id
                      + "' has no "
                      + language
                      + " text (the flow's languages are "
                      + String.join(", ", flow.languages())
                      + ")",
                  "add '" + language + ": \"<what it says>\"' under '" + id + "' in prompts");
      if (!problems.contains(missing)) {
        problems.add(missing);
      }
    }
  }

  /** The checks of one step's contents. */
  private record StepChecks(
      Flow flow,
      ConnectorCatalog catalog,
      RefChecker refs,
      List<Diagnostic> problems,
      Set<String> defined) {

    void check(Step step) {
      switch (step) {
        case Step.Say s -> say(s.items());
        case Step.Menu m -> {
          prompt(m.prompt());
          m.invalidPrompt().ifPresent(this::prompt);
          m.noInputPrompt().ifPresent(this::prompt);
          flow.agent()
              .filter(a -> m.agentKey() && m.options().containsKey(String.valueOf(a.key())))
              .ifPresent(
                  a ->
                      problems.add(
                          new Diagnostic(
                              m.options().get(String.valueOf(a.key())).pos(),
                              "key "
                                  + a.key()
                                  + " is the agent key, so this option can never be chosen",
                              "use another key, or set 'agent: false' on this step")));
        }
        case Step.Language l -> language(l);
        case Step.Collect c -> collect(c);
        case Step.Lookup l -> lookup(l);
        case Step.Pay p -> pay(p);
        case Step.Transfer t -> say(t.items());
        case Step.Hangup h -> say(h.items());
        case Step.Branch b -> b.cases().forEach(this::condition);
        case Step.Set s -> set(s);
        case Step.Goto g -> {}
      }
    }

    private void prompt(SayItem.PromptRef prompt) {
      checkPrompt(flow, prompt, problems);
    }

    /** Each option names one of the flow's languages, once; the agent key is no option. */
    private void language(Step.Language step) {
      prompt(step.prompt());
      java.util.Set<String> offered = new java.util.HashSet<>();
      step.options()
          .forEach(
              (key, language) -> {
                SourcePos at = step.optionPositions().get(key);
                if (!flow.languages().contains(language)) {
                  problems.add(
                      new Diagnostic(
                          at,
                          "'"
                              + language
                              + "' is not one of the flow's languages"
                              + Suggest.hint(language, flow.languages()),
                          "use one of "
                              + String.join(", ", flow.languages())
                              + ", or add it to 'languages' with its prompt texts"));
                } else if (!offered.add(language)) {
                  problems.add(
                      new Diagnostic(
                          at, "language '" + language + "' is offered twice", "keep one key"));
                }
              });
      flow.agent()
          .filter(a -> step.agentKey() && step.options().containsKey(String.valueOf(a.key())))
          .ifPresent(
              a ->
                  problems.add(
                      new Diagnostic(
                          step.optionPositions().get(String.valueOf(a.key())),
                          "key "
                              + a.key()
                              + " is the agent key, so this option can never be chosen",
                          "use another key, or set 'agent: false' on this step")));
    }

    private void say(List<SayItem> items) {
      for (SayItem item : items) {
        switch (item) {
          case SayItem.PromptRef p -> prompt(p);
          case SayItem.Speak s ->
              refs.value(s.ref(), RefChecker.Use.SPOKEN, defined)
                  .ifPresent(type -> speakable(s, type));
        }
      }
    }

    private void speakable(SayItem.Speak speak, ValueType type) {
      boolean fits =
          switch (speak.as()) {
            case NUMBER -> type == ValueType.NUMBER || type == ValueType.DIGITS;
            case DIGITS ->
                type == ValueType.DIGITS || type == ValueType.NUMBER || type == ValueType.TEXT;
            case AMOUNT -> type == ValueType.MONEY;
            case DATE -> type == ValueType.DATE;
          };
      if (!fits) {
        problems.add(
            new Diagnostic(
                speak.ref().pos(),
                "type error: '"
                    + speak.ref().spelled()
                    + "' is "
                    + type.spelling()
                    + " and cannot be spoken as "
                    + speak.as().spelling(),
                "speak " + type.spelling() + " values as " + wayFor(type)));
      }
    }

    private static String wayFor(ValueType type) {
      return switch (type) {
        case MONEY -> "amount";
        case DATE -> "date";
        case NUMBER -> "number";
        case DIGITS, TEXT -> "digits";
        case FLAG -> "a branch to prompts (a flag cannot be spoken)";
      };
    }

    private void collect(Step.Collect c) {
      prompt(c.prompt());
      c.invalidPrompt().ifPresent(this::prompt);
      c.noInputPrompt().ifPresent(this::prompt);
      for (CheckSpec check : c.checks()) {
        switch (check) {
          case CheckSpec.Luhn l -> requireKind(c, check, FieldKind.CARD, "luhn");
          case CheckSpec.CardLength l -> requireKind(c, check, FieldKind.CARD, "card_length");
          case CheckSpec.ExpiryNotPast e ->
              requireKind(c, check, FieldKind.EXPIRY, "expiry_not_past");
          case CheckSpec.CvcLength v -> {
            requireKind(c, check, FieldKind.CVC, "cvc_length");
            refs.cardData(v.card(), FieldKind.CARD, defined);
          }
          case CheckSpec.Range r -> {
            if (c.secure()) {
              problems.add(
                  new Diagnostic(
                      r.pos(),
                      "range cannot check a secure field",
                      "use range on digits fields only"));
            }
            if (r.min().compareTo(r.max()) > 0) {
              problems.add(
                  new Diagnostic(
                      r.pos(),
                      "range min " + r.min() + " is more than max " + r.max(),
                      "swap min and max"));
            }
          }
        }
      }
    }

    private void requireKind(Step.Collect c, CheckSpec check, FieldKind kind, String name) {
      if (c.kind() != kind) {
        problems.add(
            new Diagnostic(
                check.pos(),
                "type error: "
                    + name
                    + " checks "
                    + kind.spelling()
                    + " fields, but '"
                    + c.field()
                    + "' is "
                    + c.kind().spelling(),
                "remove " + name + " or collect with kind: " + kind.spelling()));
      }
    }

    private void lookup(Step.Lookup l) {
      if (!l.connector().isEmpty() && !catalog.lookups().contains(l.connector())) {
        problems.add(
            new Diagnostic(
                l.connectorPos(),
                "unknown lookup connector '"
                    + l.connector()
                    + "'"
                    + Suggest.hint(l.connector(), catalog.lookups()),
                "use one of "
                    + String.join(", ", new java.util.TreeSet<>(catalog.lookups()))
                    + ", or configure the connector"));
      }
      l.inputs().values().forEach(ref -> refs.lookupInput(ref, defined));
    }

    private void pay(Step.Pay p) {
      if (!p.connector().isEmpty() && !catalog.payments().contains(p.connector())) {
        problems.add(
            new Diagnostic(
                p.connectorPos(),
                "unknown payment connector '"
                    + p.connector()
                    + "'"
                    + Suggest.hint(p.connector(), catalog.payments()),
                "use one of "
                    + String.join(", ", new java.util.TreeSet<>(catalog.payments()))
                    + ", or configure the connector"));
      }
      refs.value(p.amount(), RefChecker.Use.CARD_DATA, defined)
          .filter(t -> t != ValueType.MONEY)
          .ifPresent(
              t ->
                  problems.add(
                      new Diagnostic(
                          p.amount().pos(),
                          "type error: the amount '"
                              + p.amount().spelled()
                              + "' is "
                              + t.spelling()
                              + ", not money",
                          "use a money value from a lookup")));
      refs.cardData(p.card(), FieldKind.CARD, defined);
      refs.cardData(p.expiry(), FieldKind.EXPIRY, defined);
      refs.cardData(p.cvc(), FieldKind.CVC, defined);
      p.metadata().values().forEach(ref -> refs.value(ref, RefChecker.Use.METADATA, defined));
    }

    private void condition(Condition condition) {
      Optional<ValueType> type = refs.value(condition.ref(), RefChecker.Use.BRANCHED_ON, defined);
      if (type.isEmpty()) {
        return;
      }
      if (condition.op().ordering()
          && !(type.get() == ValueType.MONEY || type.get() == ValueType.NUMBER)) {
        problems.add(
            new Diagnostic(
                condition.ref().pos(),
                "type error: '"
                    + condition.ref().spelled()
                    + "' is "
                    + type.get().spelling()
                    + " and cannot be compared with "
                    + condition.op().spelling(),
                "use equals or not_equals"));
      } else if (!Literals.fits(condition.literal(), type.get())) {
        problems.add(
            new Diagnostic(
                condition.pos(),
                "type error: '"
                    + condition.literal()
                    + "' is not a "
                    + type.get().spelling()
                    + " value",
                "compare with " + Literals.example(type.get())));
      }
    }

    private void set(Step.Set s) {
      s.literal()
          .filter(text -> !Literals.fits(text, s.name().type()))
          .ifPresent(
              text ->
                  problems.add(
                      new Diagnostic(
                          s.name().pos(),
                          "type error: '"
                              + text
                              + "' is not a "
                              + s.name().type().spelling()
                              + " value",
                          "write " + Literals.example(s.name().type()))));
      s.copy()
          .ifPresent(
              ref ->
                  refs.value(ref, RefChecker.Use.COPIED, defined)
                      .filter(t -> t != s.name().type())
                      .ifPresent(
                          t ->
                              problems.add(
                                  new Diagnostic(
                                      ref.pos(),
                                      "type error: '"
                                          + ref.spelled()
                                          + "' is "
                                          + t.spelling()
                                          + " but '"
                                          + s.name().name()
                                          + "' is "
                                          + s.name().type().spelling(),
                                      "give the set step type: " + t.spelling()))));
    }
  }
}
