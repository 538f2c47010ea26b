package io.tabula.flows.parse;

import static io.tabula.flows.parse.Pieces.checks;
import static io.tabula.flows.parse.Pieces.defaultLimits;
import static io.tabula.flows.parse.Pieces.enumValue;
import static io.tabula.flows.parse.Pieces.optionalMap;
import static io.tabula.flows.parse.Pieces.optionalPrompt;
import static io.tabula.flows.parse.Pieces.prompt;
import static io.tabula.flows.parse.Pieces.ref;
import static io.tabula.flows.parse.Pieces.refs;
import static io.tabula.flows.parse.Pieces.sayItems;
import static io.tabula.flows.parse.Pieces.target;
import static io.tabula.flows.parse.Pieces.targetOf;
import static io.tabula.flows.parse.Pieces.terminator;
import static io.tabula.flows.parse.Pieces.valueType;

import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.Condition;
import io.tabula.flows.model.ErrorPolicy;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Ref;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.model.Step;
import io.tabula.flows.model.Target;
import io.tabula.flows.model.TypedName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Builds one step from its YAML mapping; one method per kind of step. */
final class StepParser {

  static final List<String> KINDS =
      List.of(
          "say",
          "menu",
          "language",
          "collect",
          "lookup",
          "pay",
          "transfer",
          "hangup",
          "branch",
          "goto",
          "set");

  private StepParser() {}

  static Optional<Step> step(String id, SourcePos pos, YamlMap body) {
    List<String> kinds = body.keys().stream().filter(KINDS::contains).toList();
    if (kinds.size() != 1) {
      String unknown = body.keys().stream().filter(k -> !KINDS.contains(k)).findFirst().orElse("");
      body.problems()
          .add(
              pos,
              kinds.isEmpty()
                  ? "step '"
                      + id
                      + "' has no kind"
                      + (unknown.isEmpty() ? "" : Suggest.hint(unknown, KINDS))
                  : "step '"
                      + id
                      + "' has "
                      + kinds.size()
                      + " kinds ("
                      + String.join(", ", kinds)
                      + ")",
              "give it exactly one of " + String.join(", ", KINDS));
      return Optional.empty();
    }
    String where = "step '" + id + "'";
    return switch (kinds.getFirst()) {
      case "say" -> say(id, pos, body, where);
      case "menu" -> menu(id, pos, body, where);
      case "language" -> language(id, pos, body, where);
      case "collect" -> collect(id, pos, body, where);
      case "lookup" -> lookup(id, pos, body, where);
      case "pay" -> pay(id, pos, body, where);
      case "transfer" -> transfer(id, pos, body, where);
      case "hangup" -> hangup(id, pos, body, where);
      case "branch" -> branch(id, pos, body, where);
      case "goto" -> gotoStep(id, pos, body, where);
      default -> set(id, pos, body, where);
    };
  }

  private static Optional<Step> say(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("say", "next", "agent"));
    List<SayItem> items = sayItems(body, "say", where);
    return Optional.of(
        new Step.Say(id, pos, items, body.flag("agent", true), target(body, "next", where)));
  }

  private static Optional<Step> menu(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("menu", "on_failure", "agent"));
    Optional<YamlMap> menu = body.map("menu", true, where);
    if (menu.isEmpty()) {
      return Optional.empty();
    }
    YamlMap m = menu.get();
    String inner = "the menu of " + where;
    m.allowOnly(
        inner,
        List.of("prompt", "options", "invalid_prompt", "no_input_prompt", "timeout", "attempts"));
    Map<String, Target> options = new LinkedHashMap<>();
    m.map("options", true, inner)
        .ifPresent(
            o ->
                o.entries()
                    .forEach(
                        (key, tuple) -> {
                          if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
                            m.problems()
                                .add(
                                    tuple.getKeyNode(),
                                    "menu key '" + key + "' is not one phone key",
                                    "use one of 0-9, * or # (quote it: \"1\")");
                          }
                          options.put(key, targetOf(m.problems(), tuple));
                        }));
    return Optional.of(
        new Step.Menu(
            id,
            pos,
            prompt(m, "prompt", true, inner),
            java.util.Collections.unmodifiableMap(options),
            optionalPrompt(m, "invalid_prompt", inner),
            optionalPrompt(m, "no_input_prompt", inner),
            m.duration("timeout", Duration.ofSeconds(5)),
            m.integer("attempts", 3, 1, 10),
            body.flag("agent", true),
            target(body, "on_failure", where)));
  }

  /** A language menu: each option's key and the language it switches the call to. */
  private static Optional<Step> language(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("language", "next", "agent"));
    Optional<YamlMap> menu = body.map("language", true, where);
    if (menu.isEmpty()) {
      return Optional.empty();
    }
    YamlMap m = menu.get();
    String inner = "the language menu of " + where;
    m.allowOnly(inner, List.of("prompt", "options", "timeout"));
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, SourcePos> positions = new LinkedHashMap<>();
    m.map("options", true, inner)
        .ifPresent(
            o ->
                o.entries()
                    .forEach(
                        (key, tuple) -> {
                          if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
                            m.problems()
                                .add(
                                    tuple.getKeyNode(),
                                    "menu key '" + key + "' is not one phone key",
                                    "use one of 0-9, * or # (quote it: \"1\")");
                          }
                          options.put(key, YamlMap.scalar(tuple.getValueNode()).orElse(""));
                          positions.put(key, m.problems().pos(tuple.getValueNode()));
                        }));
    return Optional.of(
        new Step.Language(
            id,
            pos,
            prompt(m, "prompt", true, inner),
            java.util.Collections.unmodifiableMap(options),
            java.util.Collections.unmodifiableMap(positions),
            m.duration("timeout", Duration.ofSeconds(4)),
            body.flag("agent", true),
            target(body, "next", where)));
  }

  private static Optional<Step> collect(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("collect", "next", "on_failure", "agent"));
    Optional<YamlMap> collect = body.map("collect", true, where);
    if (collect.isEmpty()) {
      return Optional.empty();
    }
    YamlMap c = collect.get();
    String inner = "the collect of " + where;
    c.allowOnly(
        inner,
        List.of(
            "field",
            "kind",
            "secure",
            "prompt",
            "min_digits",
            "max_digits",
            "terminator",
            "first_digit_timeout",
            "inter_digit_timeout",
            "attempts",
            "invalid_prompt",
            "no_input_prompt",
            "validate",
            "journal"));
    FieldKind kind = enumValue(c, "kind", FieldKind.class, FieldKind.DIGITS);
    boolean secure = c.flag("secure", kind.alwaysSecure());
    if (kind.alwaysSecure() && !secure) {
      c.problems()
          .add(
              c.value("secure").orElseThrow(),
              "a "
                  + kind.spelling()
                  + " field is always secure; 'secure: false' cannot turn that off",
              "remove 'secure: false'");
      secure = true;
    }
    int[] limits = defaultLimits(kind);
    int max = c.integer("max_digits", limits[1], 1, 64);
    int min = c.integer("min_digits", Math.min(limits[0], max), 1, 64);
    if (min > max) {
      c.problems()
          .add(
              c.value("min_digits").orElse(c.node()),
              "min_digits " + min + " is more than max_digits " + max,
              "make min_digits at most max_digits");
    }
    boolean terminator = terminator(c);
    return Optional.of(
        new Step.Collect(
            id,
            pos,
            c.text("field", true, inner).orElse(""),
            kind,
            secure,
            prompt(c, "prompt", true, inner),
            min,
            max,
            terminator,
            c.duration("first_digit_timeout", Duration.ofSeconds(6)),
            c.duration("inter_digit_timeout", Duration.ofSeconds(3)),
            c.integer("attempts", 3, 1, 10),
            optionalPrompt(c, "invalid_prompt", inner),
            optionalPrompt(c, "no_input_prompt", inner),
            checks(c, inner),
            body.flag("agent", true),
            target(body, "next", where),
            target(body, "on_failure", where),
            JournalMarks.collect(c, kind)));
  }

  private static Optional<Step> lookup(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("lookup", "on_found", "on_not_found", "on_error"));
    Optional<YamlMap> lookup = body.map("lookup", true, where);
    if (lookup.isEmpty()) {
      return Optional.empty();
    }
    YamlMap l = lookup.get();
    String inner = "the lookup of " + where;
    l.allowOnly(inner, List.of("connector", "name", "inputs", "outputs", "timeout", "journal"));
    Map<String, TypedName> outputs = new LinkedHashMap<>();
    l.map("outputs", true, inner)
        .ifPresent(
            o ->
                o.entries()
                    .forEach(
                        (name, tuple) -> {
                          SourcePos at = o.problems().pos(tuple.getKeyNode());
                          outputs.put(name, new TypedName(name, valueType(o, tuple), at));
                        }));
    return Optional.of(
        new Step.Lookup(
            id,
            pos,
            l.text("connector", true, inner).orElse(""),
            l.value("connector").map(l.problems()::pos).orElse(l.pos()),
            l.text("name", true, inner).orElse(""),
            refs(l, "inputs", inner),
            java.util.Collections.unmodifiableMap(outputs),
            l.duration("timeout", Duration.ofSeconds(8)),
            target(body, "on_found", where),
            target(body, "on_not_found", where),
            target(body, "on_error", where),
            JournalMarks.lookup(l, outputs.keySet(), inner)));
  }

  private static Optional<Step> pay(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("pay", "on_approved", "on_declined", "on_unknown", "on_error"));
    if (!body.has("on_unknown")) {
      body.problems()
          .add(
              pos,
              where
                  + " has no 'on_unknown': when the processor does not confirm in time the card may"
                  + " have been charged, and on_error must not be where that caller goes",
              "add 'on_unknown: <step>' leading to a step that says the payment could not be"
                  + " confirmed, asks the caller not to pay again, and transfers or hangs up");
    }
    Optional<YamlMap> pay = body.map("pay", true, where);
    if (pay.isEmpty()) {
      return Optional.empty();
    }
    YamlMap p = pay.get();
    String inner = "the pay of " + where;
    p.allowOnly(
        inner, List.of("connector", "amount", "card", "expiry", "cvc", "metadata", "timeout"));
    return Optional.of(
        new Step.Pay(
            id,
            pos,
            p.text("connector", true, inner).orElse(""),
            p.value("connector").map(p.problems()::pos).orElse(p.pos()),
            ref(p, "amount", inner),
            ref(p, "card", inner),
            ref(p, "expiry", inner),
            ref(p, "cvc", inner),
            refs(p, "metadata", inner),
            p.duration("timeout", Step.Pay.DEFAULT_TIMEOUT),
            target(body, "on_approved", where),
            target(body, "on_declined", where),
            body.has("on_unknown") ? target(body, "on_unknown", where) : new Target("", pos),
            target(body, "on_error", where)));
  }

  private static Optional<Step> transfer(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("transfer"));
    Optional<YamlMap> inner = optionalMap(body, "transfer", where);
    inner.ifPresent(t -> t.allowOnly("the transfer of " + where, List.of("queue", "say")));
    List<SayItem> items = inner.map(t -> sayItems(t, "say", where)).orElse(List.of());
    Optional<String> queue = inner.flatMap(t -> t.text("queue", false, where));
    return Optional.of(new Step.Transfer(id, pos, items, queue));
  }

  private static Optional<Step> hangup(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("hangup"));
    Optional<YamlMap> inner = optionalMap(body, "hangup", where);
    inner.ifPresent(t -> t.allowOnly("the hangup of " + where, List.of("say")));
    return Optional.of(
        new Step.Hangup(id, pos, inner.map(t -> sayItems(t, "say", where)).orElse(List.of())));
  }

  private static Optional<Step> branch(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("branch", "otherwise"));
    List<Condition> cases = new ArrayList<>();
    for (Node node : body.list("branch", where).orElse(List.of())) {
      YamlMap.of(body.problems(), node, "a branch case")
          .ifPresent(c -> condition(c, where).ifPresent(cases::add));
    }
    return Optional.of(
        new Step.Branch(id, pos, List.copyOf(cases), target(body, "otherwise", where)));
  }

  private static Optional<Condition> condition(YamlMap c, String where) {
    List<String> ops =
        java.util.Arrays.stream(Condition.Op.values()).map(Condition.Op::spelling).toList();
    List<String> allowed = new ArrayList<>(List.of("value", "next"));
    allowed.addAll(ops);
    c.allowOnly("a branch case", allowed);
    List<String> present = ops.stream().filter(c::has).toList();
    if (present.size() != 1) {
      c.problems()
          .add(
              c.node(),
              "a branch case needs exactly one comparison",
              "add one of " + String.join(", ", ops));
      return Optional.empty();
    }
    Condition.Op op = Condition.Op.valueOf(present.getFirst().toUpperCase(Locale.ROOT));
    return Optional.of(
        new Condition(
            ref(c, "value", "a branch case"),
            op,
            c.text(present.getFirst(), true, "a branch case").orElse(""),
            target(c, "next", "a branch case"),
            c.pos()));
  }

  private static Optional<Step> gotoStep(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("goto"));
    return Optional.of(new Step.Goto(id, pos, target(body, "goto", where)));
  }

  private static Optional<Step> set(String id, SourcePos pos, YamlMap body, String where) {
    body.allowOnly(where, List.of("set", "next"));
    Optional<YamlMap> set = body.map("set", true, where);
    if (set.isEmpty()) {
      return Optional.empty();
    }
    YamlMap s = set.get();
    String inner = "the set of " + where;
    s.allowOnly(inner, List.of("name", "type", "value", "copy"));
    String name = s.text("name", true, inner).orElse("");
    ValueType type = enumValue(s, "type", ValueType.class, ValueType.TEXT);
    if (s.has("value") == s.has("copy")) {
      s.problems()
          .add(
              s.node(),
              inner + " needs either 'value' or 'copy'",
              "write value: <literal> or copy: <value name>");
    }
    Optional<Ref> copy =
        s.text("copy", false, inner)
            .map(text -> Ref.parse(text, s.value("copy").map(s.problems()::pos).orElseThrow()));
    return Optional.of(
        new Step.Set(
            id,
            pos,
            new TypedName(name, type, s.keyPos("name").orElse(s.pos())),
            s.text("value", false, inner),
            copy,
            target(body, "next", where)));
  }

  static ErrorPolicy errorPolicy(YamlMap map) {
    map.allowOnly("'on_error'", List.of("prompt", "then"));
    Optional<SayItem.PromptRef> prompt = optionalPrompt(map, "prompt", "'on_error'");
    ErrorPolicy.Then then = enumValue(map, "then", ErrorPolicy.Then.class, ErrorPolicy.Then.AGENT);
    return new ErrorPolicy(prompt, then, map.pos());
  }
}
