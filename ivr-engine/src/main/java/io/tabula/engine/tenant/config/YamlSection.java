package io.tabula.engine.tenant.config;

import io.tabula.engine.config.DurationUnits;
import io.tabula.flows.model.SourcePos;
import io.tabula.flows.parse.Problems;
import io.tabula.flows.parse.Suggest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of a tenant file with its positions. Every problem (unknown key, missing key, wrong
 * shape, bad duration) goes into {@link Problems} with its line and column, in the same {@code
 * file:line:col: error: ...; fix: ...} style as the flow files, so a file shows all its problems at
 * once.
 *
 * <pre>{@code
 * YamlSection database = top.section("database", false).orElseThrow();
 * database.allowOnly(List.of("connector", "host"));
 * String host = database.text("host", true).orElse("");
 * }</pre>
 */
final class YamlSection {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})" + DurationUnits.PATTERN);

  private final Problems problems;
  private final Node node;
  private final String where;
  private final Path folder;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlSection(Problems problems, Node node, String where, Path folder) {
    this.problems = problems;
    this.node = node;
    this.where = where;
    this.folder = folder;
  }

  /** The section at {@code node}, or a problem when it is not a mapping. */
  static Optional<YamlSection> of(Problems problems, Node node, String where, Path folder) {
    if (!(node instanceof MappingNode mapping)) {
      problems.add(node, where + " must be a mapping of 'key: value' lines", "indent its keys");
      return Optional.empty();
    }
    YamlSection section = new YamlSection(problems, node, where, folder);
    for (NodeTuple tuple : mapping.getValue()) {
      String key = scalar(tuple.getKeyNode()).orElse("");
      if (section.entries.putIfAbsent(key, tuple) != null) {
        problems.add(tuple.getKeyNode(), "'" + key + "' is given twice in " + where, "keep one");
      }
    }
    return Optional.of(section);
  }

  static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
  }

  Problems problems() {
    return problems;
  }

  SourcePos pos() {
    return problems.pos(node);
  }

  String where() {
    return where;
  }

  Map<String, NodeTuple> entries() {
    return entries;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** Where {@code key} is written, or this section when it is missing. */
  SourcePos pos(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? pos() : problems.pos(tuple.getValueNode());
  }

  SourcePos keyPos(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? pos() : problems.pos(tuple.getKeyNode());
  }

  void problem(SourcePos at, String message, String fix) {
    problems.add(at, message, fix);
  }

  /** Reports every key not in {@code allowed}, with a spelling hint. */
  void allowOnly(List<String> allowed) {
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

  /** A single value; a missing required key or a list/mapping in its place is a problem. */
  Optional<String> text(String key, boolean required) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      if (required) {
        missing(key);
      }
      return Optional.empty();
    }
    Optional<String> text = scalar(tuple.getValueNode()).map(String::trim);
    if (text.isEmpty() || text.get().isEmpty()) {
      problems.add(
          tuple.getValueNode(),
          "'" + key + "' in " + where + " needs a value",
          "write it after ':'");
      return Optional.empty();
    }
    return text;
  }

  /** A single value exactly as written (may be empty), for free-form connector settings. */
  Optional<String> rawText(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    Optional<String> text = scalar(tuple.getValueNode());
    if (text.isEmpty()) {
      problems.add(
          tuple.getValueNode(),
          "'" + key + "' in " + where + " must be a single value",
          "quote it");
    }
    return text;
  }

  void missing(String key) {
    problems.add(node, where + " needs '" + key + "'", "add '" + key + ":' to " + where);
  }

  Optional<YamlSection> section(String key, boolean required) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      if (required) {
        missing(key);
      }
      return Optional.empty();
    }
    return of(problems, tuple.getValueNode(), child(key), folder);
  }

  /** Sections are named by their path in the file: {@code database}, {@code database.tls}. */
  private String child(String key) {
    return where.equals(TenantFileParser.ROOT) ? key : where + "." + key;
  }

  /** The key's path in the file, e.g. {@code database.passwordFile}. */
  String path(String key) {
    return child(key);
  }

  /** A list of single values; a lone value is accepted as a list of one. */
  Optional<List<Map.Entry<String, SourcePos>>> list(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    List<Node> items =
        value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
    List<Map.Entry<String, SourcePos>> out = new java.util.ArrayList<>();
    for (Node item : items) {
      Optional<String> text = scalar(item);
      if (text.isEmpty()) {
        problems.add(item, "each item of '" + key + "' must be a single value", "write [a, b]");
      } else {
        out.add(Map.entry(text.get().trim(), problems.pos(item)));
      }
    }
    return Optional.of(out);
  }

  int integer(String key, int fallback, int min, int max) {
    Optional<String> text = text(key, false);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(text.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    problems.add(
        pos(key),
        "'" + key + "' in " + where + " must be a whole number from " + min + " to " + max,
        "write a number such as " + fallback);
    return fallback;
  }

  /** A positive duration such as {@code 500ms}, {@code 5s}, {@code 2m} or {@code 1h}. */
  Duration duration(String key, Duration fallback) {
    Optional<String> text = text(key, false);
    if (text.isEmpty()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(text.get());
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      problems.add(
          pos(key),
          "'" + key + "' in " + where + " is not a duration",
          "write a positive number with ms, s, m or h, such as 500ms, 5s or 2m");
      return fallback;
    }
    return DurationUnits.of(Long.parseLong(m.group(1)), m.group(2));
  }

  /** A path; a relative one is read from the tenant file's folder. */
  Optional<Path> path(String key, boolean required) {
    return text(key, required).map(this::resolve);
  }

  Path resolve(String text) {
    return folder.resolve(text).normalize();
  }

  /**
   * A file that must exist and be readable (a CA, a key store, a password file) when files are
   * checked; {@code what} says what it is for the message.
   */
  Optional<Path> readableFile(String key, boolean required, String what, FileChecks checks) {
    Optional<Path> path = path(key, required);
    path.ifPresent(p -> checks.requireReadable(this, key, p, what));
    return path;
  }

  static boolean readable(Path path) {
    return Files.isRegularFile(path) && Files.isReadable(path);
  }
}
