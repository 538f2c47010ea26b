package io.tabula.ops.console;

import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.parse.Problems;
import io.tabula.flows.parse.SafeYaml;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Sets one prompt's words in one language in a flow's YAML, as the editor's prompt table asks: the
 * YAML stays the one source of truth, and the edit replaces only the characters of that one value
 * (found by the positions SnakeYAML gives each node), so comments, order, quoting and blank lines
 * elsewhere are kept as the person wrote them. A missing translation is added as a line under the
 * prompt's others; a one-language prompt ({@code welcome: "..."}) that gets a second language
 * becomes one line per language.
 *
 * <p>The result is parsed again and must say exactly the words asked for, in that prompt and
 * language; otherwise nothing changes and the caller gets {@link Refused}.
 */
final class PromptEdit {

  /** Why a prompt could not be set from the table; the message says what to do instead. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private PromptEdit() {}

  /** {@code yaml} with prompt {@code id}'s words in {@code language} set to {@code words}. */
  static String set(String yaml, String id, String language, String words) throws Refused {
    // trim, not strip: the parser trims the words it reads, and the check compares with it.
    String wanted = words.trim();
    MappingNode top = mapping(compose(yaml)).orElseThrow(() -> notAFlow());
    List<String> languages = languages(yaml);
    if (!languages.contains(language)) {
      throw new Refused(
          "'" + language + "' is not a language of this flow; add it to 'languages' in the YAML");
    }
    MappingNode prompts =
        value(top, "prompts")
            .flatMap(PromptEdit::mapping)
            .orElseThrow(() -> new Refused("this flow has no 'prompts:'; add them in the YAML"));
    NodeTuple prompt =
        tuple(prompts, id)
            .orElseThrow(
                () -> new Refused("there is no prompt '" + id + "' any more; reload the table"));
    Node value = prompt.getValueNode();
    String edited;
    if (value instanceof ScalarNode scalar) {
      edited =
          language.equals(languages.getFirst())
              ? replace(yaml, scalar, quoted(wanted))
              : byLanguage(yaml, prompt.getKeyNode(), scalar, languages, language, wanted);
    } else if (value instanceof MappingNode byLanguage) {
      edited =
          tuple(byLanguage, language)
              .map(NodeTuple::getValueNode)
              .map(node -> replaceScalar(yaml, node, wanted))
              .orElseGet(() -> addLine(yaml, byLanguage, language, wanted));
    } else {
      throw new Refused("prompt '" + id + "' is neither words nor one line per language");
    }
    if (edited == null) {
      throw new Refused(
          "the "
              + language
              + " words of prompt '"
              + id
              + "' are written in a form the table cannot change; change them in the YAML");
    }
    Optional<Flow> flow = FlowParser.parse("draft.yaml", edited).checkable();
    if (flow.isEmpty() || !flow.get().promptText(id, language).equals(wanted)) {
      throw new Refused(
          "the table could not set prompt '" + id + "' (" + language + "); change it in the YAML");
    }
    return edited;
  }

  private static Refused notAFlow() {
    return new Refused("the YAML does not read as a flow; fix the error it shows first");
  }

  private static Node compose(String yaml) throws Refused {
    return SafeYaml.compose(yaml, new Problems("draft.yaml"), "").orElseThrow(PromptEdit::notAFlow);
  }

  private static List<String> languages(String yaml) throws Refused {
    return FlowParser.parse("draft.yaml", yaml)
        .checkable()
        .map(Flow::languages)
        .orElseThrow(PromptEdit::notAFlow);
  }

  private static Optional<MappingNode> mapping(Node node) {
    return node instanceof MappingNode map ? Optional.of(map) : Optional.empty();
  }

  private static Optional<Node> value(MappingNode map, String key) {
    return tuple(map, key).map(NodeTuple::getValueNode);
  }

  private static Optional<NodeTuple> tuple(MappingNode map, String key) {
    return map.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        .findFirst();
  }

  /** A one-line scalar replaced by the words; null for a block scalar or anything else. */
  private static String replaceScalar(String yaml, Node node, String words) {
    return node instanceof ScalarNode scalar && !isBlock(scalar)
        ? replace(yaml, scalar, quoted(words))
        : null;
  }

  private static boolean isBlock(ScalarNode scalar) {
    return scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
        || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED;
  }

  private static String replace(String yaml, ScalarNode scalar, String with) {
    if (isBlock(scalar)) {
      return null;
    }
    int from = offset(yaml, scalar.getStartMark().getIndex());
    int to = offset(yaml, scalar.getEndMark().getIndex());
    return yaml.substring(0, from) + with + yaml.substring(to);
  }

  /** A one-language prompt rewritten as one line per language, its words first. */
  private static String byLanguage(
      String yaml,
      Node key,
      ScalarNode words,
      List<String> languages,
      String language,
      String wanted) {
    if (isBlock(words) || words.getStartMark().getLine() != key.getStartMark().getLine()) {
      return null;
    }
    String indent = " ".repeat(key.getStartMark().getColumn() + 2);
    String lines =
        "\n"
            + indent
            + languages.getFirst()
            + ": "
            + quoted(words.getValue().strip())
            + "\n"
            + indent
            + language
            + ": "
            + quoted(wanted);
    // From just after the key's colon, so no space is left at the end of the key's line.
    int colon = yaml.indexOf(':', offset(yaml, key.getEndMark().getIndex())) + 1;
    int to = offset(yaml, words.getEndMark().getIndex());
    return yaml.substring(0, colon) + lines + yaml.substring(to);
  }

  /** A missing translation, as a line after the prompt's last one (after its comment, if any). */
  private static String addLine(
      String yaml, MappingNode byLanguage, String language, String words) {
    if (byLanguage.getValue().isEmpty()) {
      return null;
    }
    if (byLanguage.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
      int close = offset(yaml, byLanguage.getEndMark().getIndex()) - 1;
      return yaml.substring(0, close)
          + ", "
          + language
          + ": "
          + quoted(words)
          + yaml.substring(close);
    }
    Node firstKey = byLanguage.getValue().getFirst().getKeyNode();
    Node last = byLanguage.getValue().getLast().getValueNode();
    if (last instanceof ScalarNode scalar && isBlock(scalar)) {
      return null;
    }
    int end = offset(yaml, last.getEndMark().getIndex());
    int lineEnd = yaml.indexOf('\n', end);
    int at = lineEnd < 0 ? yaml.length() : lineEnd;
    String line =
        "\n" + " ".repeat(firstKey.getStartMark().getColumn()) + language + ": " + quoted(words);
    return yaml.substring(0, at) + line + yaml.substring(at);
  }

  /** SnakeYAML counts code points; Java strings count UTF-16 units. */
  private static int offset(String yaml, int codePoints) {
    return yaml.offsetByCodePoints(0, Math.min(codePoints, yaml.codePointCount(0, yaml.length())));
  }

  /**
   * The words as a YAML double-quoted scalar: backslash and quote escaped, and every control or
   * line-breaking character written as an escape, so the value stays on its one line.
   */
  static String quoted(String words) {
    StringBuilder out = new StringBuilder(words.length() + 2).append('"');
    words
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                  } else if (c == 0xfeff || (c >= 0xd800 && c <= 0xdfff)) {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.append('"').toString();
  }
}
