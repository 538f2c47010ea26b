package io.tabula.flows.parse;

import io.tabula.flows.model.SourcePos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping with positions, reporting what is missing, misspelt, duplicated or of the wrong
 * shape into {@link Problems} instead of stopping at the first problem.
 */
final class YamlMap {

  private final Problems problems;
  private final Node node;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(Problems problems, Node node) {
    this.problems = problems;
    this.node = node;
  }

  /** Wraps {@code node} if it is a mapping, else reports that {@code what} must be one. */
  static Optional<YamlMap> of(Problems problems, Node node, String what) {
    if (!(node instanceof MappingNode mapping)) {
      problems.add(
          node, what + " must be a mapping of 'key: value' lines", "indent its keys under it");
      return Optional.empty();
    }
    YamlMap map = new YamlMap(problems, node);
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode()).orElse("");
      if (map.entries.containsKey(key)) {
        problems.add(tuple.getKeyNode(), "'" + key + "' is given twice", "keep one of them");
      } else {
        map.entries.put(key, tuple);
      }
    }
    return Optional.of(map);
  }

  static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  SourcePos pos() {
    return problems.pos(node);
  }

  Node node() {
    return node;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  Map<String, NodeTuple> entries() {
    return entries;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Optional<Node> value(String key) {
    return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
  }

  Optional<SourcePos> keyPos(String key) {
    return Optional.ofNullable(entries.get(key)).map(t -> problems.pos(t.getKeyNode()));
  }

  /** Reports keys not in {@code allowed}, with a spelling hint. */
  void allowOnly(String where, List<String> allowed) {
    entries.forEach(
        (key, tuple) -> {
          if (!allowed.contains(key)) {
            problems.add(
                tuple.getKeyNode(),
                "unknown key '" + key + "' in " + where + Suggest.hint(key, allowed),
                "use one of " + String.join(", ", allowed));
          }
        });
  }

  /** A text value; reports a missing required key or a non-scalar. */
  Optional<String> text(String key, boolean required, String where) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      if (required) {
        problems.add(node, where + " needs '" + key + "'", "add '" + key + ":' to " + where);
      }
      return Optional.empty();
    }
    Optional<String> text = scalar(value.get());
    if (text.isEmpty()) {
      problems.add(value.get(), "'" + key + "' must be a single value", "write it on one line");
    }
    return text;
  }

  Optional<YamlMap> map(String key, boolean required, String where) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      if (required) {
        problems.add(node, where + " needs '" + key + "'", "add '" + key + ":' to " + where);
      }
      return Optional.empty();
    }
    return of(problems, value.get(), "'" + key + "'");
  }

  Optional<List<Node>> list(String key, String where) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof SequenceNode sequence) {
      return Optional.of(sequence.getValue());
    }
    problems.add(
        value.get(),
        "'" + key + "' in " + where + " must be a list",
        "write each item on a line starting with '- '");
    return Optional.empty();
  }

  int integer(String key, int fallback, int min, int max) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<String> text = scalar(value.get());
    try {
      int parsed = Integer.parseInt(text.orElse("").trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        value.get(),
        "'" + key + "' must be a whole number from " + min + " to " + max,
        "write a number such as " + Math.max(min, Math.min(max, fallback)));
    return fallback;
  }

  boolean flag(String key, boolean fallback) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    String text = scalar(value.get()).orElse("");
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    problems.add(value.get(), "'" + key + "' must be true or false", "write true or false");
    return fallback;
  }

  java.time.Duration duration(String key, java.time.Duration fallback) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return fallback;
    }
    Optional<java.time.Duration> parsed = Durations.parse(scalar(value.get()).orElse(""));
    if (parsed.isEmpty()) {
      problems.add(
          value.get(),
          "'" + key + "' is not a duration",
          "write a positive number with ms, s or m, such as 5s or 500ms");
      return fallback;
    }
    return parsed.get();
  }

  Problems problems() {
    return problems;
  }
}
