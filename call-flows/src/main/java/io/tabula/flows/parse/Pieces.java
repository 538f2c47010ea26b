package io.tabula.flows.parse;

import io.tabula.flows.connect.ValueType;
import io.tabula.flows.model.CheckSpec;
import io.tabula.flows.model.FieldKind;
import io.tabula.flows.model.Ref;
import io.tabula.flows.model.SayItem;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.model.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/** The small parts steps are made of: prompts, values, targets, validators, enums. */
final class Pieces {

  private Pieces() {}

  static int[] defaultLimits(FieldKind kind) {
    return switch (kind) {
      case CARD -> new int[] {12, 19};
      case EXPIRY -> new int[] {4, 4};
      case CVC -> new int[] {3, 4};
      case PIN -> new int[] {4, 12};
      case DIGITS -> new int[] {1, 20};
    };
  }

  static boolean terminator(YamlMap c) {
    Optional<String> text = c.text("terminator", false, "collect");
    if (text.isEmpty() || text.get().equals("#")) {
      return true;
    }
    if (text.get().equals("none")) {
      return false;
    }
    c.problems()
        .add(
            c.value("terminator").orElseThrow(),
            "the terminator can only be \"#\" or none",
            "write terminator: \"#\" or terminator: none");
    return true;
  }

  static List<CheckSpec> checks(YamlMap c, String where) {
    List<CheckSpec> checks = new ArrayList<>();
    for (Node node : c.list("validate", where).orElse(List.of())) {
      SourcePos pos = c.problems().pos(node);
      Optional<String> simple = YamlMap.scalar(node);
      if (simple.isPresent()) {
        switch (simple.get()) {
          case "luhn" -> checks.add(new CheckSpec.Luhn(pos));
          case "card_length" -> checks.add(new CheckSpec.CardLength(pos));
          case "expiry_not_past" -> checks.add(new CheckSpec.ExpiryNotPast(pos));
          default ->
              c.problems()
                  .add(
                      node,
                      "unknown validator '"
                          + simple.get()
                          + "'"
                          + Suggest.hint(
                              simple.get(),
                              List.of(
                                  "luhn", "card_length", "expiry_not_past", "cvc_length", "range")),
                      "use luhn, card_length, expiry_not_past, {cvc_length: <card field>} or {range: {min: .., max: ..}}");
        }
        continue;
      }
      YamlMap.of(c.problems(), node, "a validator")
          .ifPresent(
              v -> {
                v.allowOnly("a validator", List.of("cvc_length", "range"));
                v.text("cvc_length", false, "a validator")
                    .ifPresent(
                        card -> checks.add(new CheckSpec.CvcLength(Ref.parse(card, pos), pos)));
                v.map("range", false, "a validator")
                    .ifPresent(
                        r -> {
                          r.allowOnly("range", List.of("min", "max"));
                          checks.add(new CheckSpec.Range(number(r, "min"), number(r, "max"), pos));
                        });
              });
    }
    return List.copyOf(checks);
  }

  static BigDecimal number(YamlMap map, String key) {
    String text = map.text(key, true, "range").orElse("0");
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      map.problems()
          .add(
              map.value(key).orElseThrow(),
              "'" + key + "' must be a number",
              "write a number such as 1");
      return BigDecimal.ZERO;
    }
  }

  static ValueType valueType(YamlMap map, NodeTuple tuple) {
    String text = YamlMap.scalar(tuple.getValueNode()).orElse("");
    for (ValueType type : ValueType.values()) {
      if (type.spelling().equals(text)) {
        return type;
      }
    }
    List<String> names =
        java.util.Arrays.stream(ValueType.values()).map(ValueType::spelling).toList();
    map.problems()
        .add(
            tuple.getValueNode(),
            "unknown type '" + text + "'" + Suggest.hint(text, names),
            "use one of " + String.join(", ", names));
    return ValueType.TEXT;
  }

  static Optional<YamlMap> optionalMap(YamlMap body, String key, String where) {
    Node value = body.value(key).orElseThrow();
    if (YamlMap.scalar(value).map(String::isEmpty).orElse(false)) {
      return Optional.empty();
    }
    return body.map(key, false, where);
  }

  static <E extends Enum<E>> E enumValue(YamlMap map, String key, Class<E> type, E fallback) {
    Optional<String> text = map.text(key, false, "'" + key + "'");
    if (text.isEmpty()) {
      return fallback;
    }
    List<String> names =
        java.util.Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT))
            .toList();
    if (names.contains(text.get())) {
      return Enum.valueOf(type, text.get().toUpperCase(Locale.ROOT));
    }
    map.problems()
        .add(
            map.value(key).orElseThrow(),
            "'" + text.get() + "' is not a known " + key + Suggest.hint(text.get(), names),
            "use one of " + String.join(", ", names));
    return fallback;
  }

  static List<SayItem> sayItems(YamlMap body, String key, String where) {
    List<SayItem> items = new ArrayList<>();
    for (Node node : body.list(key, where).orElse(List.of())) {
      SourcePos pos = body.problems().pos(node);
      Optional<String> id = YamlMap.scalar(node);
      if (id.isPresent()) {
        items.add(new SayItem.PromptRef(id.get(), pos));
        continue;
      }
      YamlMap.of(body.problems(), node, "a say item")
          .ifPresent(
              item -> {
                List<String> ways = List.of("number", "digits", "amount", "date");
                item.allowOnly("a say item", ways);
                for (String way : ways) {
                  item.text(way, false, "a say item")
                      .ifPresent(
                          ref ->
                              items.add(
                                  new SayItem.Speak(
                                      SayItem.SpeakAs.valueOf(way.toUpperCase(Locale.ROOT)),
                                      Ref.parse(
                                          ref,
                                          item.value(way).map(body.problems()::pos).orElse(pos)),
                                      pos)));
                }
              });
    }
    return List.copyOf(items);
  }

  static SayItem.PromptRef prompt(YamlMap map, String key, boolean required, String where) {
    Optional<String> id = map.text(key, required, where);
    return new SayItem.PromptRef(
        id.orElse(""), map.value(key).map(map.problems()::pos).orElse(map.pos()));
  }

  static Optional<SayItem.PromptRef> optionalPrompt(YamlMap map, String key, String where) {
    return map.has(key) ? Optional.of(prompt(map, key, false, where)) : Optional.empty();
  }

  static Ref ref(YamlMap map, String key, String where) {
    String text = map.text(key, true, where).orElse("");
    return Ref.parse(text, map.value(key).map(map.problems()::pos).orElse(map.pos()));
  }

  static Map<String, Ref> refs(YamlMap map, String key, String where) {
    Map<String, Ref> refs = new LinkedHashMap<>();
    map.map(key, false, where)
        .ifPresent(
            m ->
                m.entries()
                    .forEach(
                        (name, tuple) ->
                            refs.put(
                                name,
                                Ref.parse(
                                    YamlMap.scalar(tuple.getValueNode()).orElse(""),
                                    m.problems().pos(tuple.getValueNode())))));
    return java.util.Collections.unmodifiableMap(refs);
  }

  static Target target(YamlMap map, String key, String where) {
    Optional<String> step = map.text(key, true, where);
    return new Target(step.orElse(""), map.value(key).map(map.problems()::pos).orElse(map.pos()));
  }

  static Target targetOf(Problems problems, NodeTuple tuple) {
    Optional<String> step = YamlMap.scalar(tuple.getValueNode());
    if (step.isEmpty()) {
      problems.add(
          tuple.getValueNode(), "a menu option must name one step", "write the step's name");
    }
    return new Target(step.orElse(""), problems.pos(tuple.getValueNode()));
  }
}
