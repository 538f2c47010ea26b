package io.tabula.flows.parse;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * Reads a flow's {@code languages} and its {@code prompts} in them. A prompt is either its words
 * (in the flow's first language: a single-language flow stays one line per prompt) or one entry per
 * language:
 *
 * <pre>{@code
 * languages: [en, es]
 * prompts:
 *   goodbye:
 *     en: "Thank you for calling. Goodbye."
 *     es: "Gracias por llamar. Adiós."
 * }</pre>
 *
 * A missing translation is no shape problem: the validator names it where the prompt is used.
 */
final class FlowLanguages {

  /**
   * A language as Asterisk names its sounds folder and channel language: {@code en}, {@code es},
   * {@code fr_CA}.
   */
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Za-z0-9]{2,8})?");

  private FlowLanguages() {}

  /** The declared languages, or {@code [en]} when the flow declares none (flows before them). */
  static List<String> parse(YamlMap top) {
    Optional<List<Node>> items = top.list("languages", "a flow");
    if (items.isEmpty()) {
      return List.of(Flow.DEFAULT_LANGUAGE);
    }
    List<String> languages = new ArrayList<>();
    for (Node item : items.get()) {
      String language = YamlMap.scalar(item).orElse("").trim();
      if (!LANGUAGE.matcher(language).matches()) {
        top.problems()
            .add(
                item,
                "'" + language + "' is not a language",
                "write the name of Asterisk's sounds folder for it, such as en, es or fr_CA");
      } else if (languages.contains(language)) {
        top.problems().add(item, "language '" + language + "' is listed twice", "keep one");
      } else {
        languages.add(language);
      }
    }
    if (languages.isEmpty()) {
      top.problems()
          .add(
              top.value("languages").orElseThrow(),
              "'languages' lists no language",
              "write languages: [en], or remove it (a flow without it is English)");
      return List.of(Flow.DEFAULT_LANGUAGE);
    }
    return List.copyOf(languages);
  }

  /** Each prompt's words by language, and where each prompt is defined. */
  static void prompts(
      YamlMap map,
      List<String> languages,
      Map<String, Map<String, String>> texts,
      Map<String, SourcePos> positions) {
    for (Map.Entry<String, NodeTuple> entry : map.entries().entrySet()) {
      String id = entry.getKey();
      Node value = entry.getValue().getValueNode();
      positions.put(id, map.problems().pos(entry.getValue().getKeyNode()));
      if (id.isBlank() || id.chars().anyMatch(Character::isWhitespace)) {
        map.problems()
            .add(
                entry.getValue().getKeyNode(),
                "prompt id '" + id + "' has spaces",
                "use a sound file name such as enter-ticket");
      }
      Optional<String> words = YamlMap.scalar(value);
      texts.put(
          id,
          words.isPresent()
              ? Map.of(languages.getFirst(), words.get().trim())
              : translations(map.problems(), id, value, languages));
    }
  }

  private static Map<String, String> translations(
      Problems problems, String id, Node value, List<String> languages) {
    Optional<YamlMap> byLanguage =
        YamlMap.of(problems, value, "prompt '" + id + "' (its words, or one line per language)");
    if (byLanguage.isEmpty()) {
      return Map.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (Map.Entry<String, NodeTuple> translation : byLanguage.get().entries().entrySet()) {
      String language = translation.getKey();
      Node words = translation.getValue().getValueNode();
      if (!languages.contains(language)) {
        problems.add(
            translation.getValue().getKeyNode(),
            "prompt '"
                + id
                + "' has words in '"
                + language
                + "', which is not a language of the"
                + " flow"
                + Suggest.hint(language, languages),
            "use one of " + String.join(", ", languages) + ", or add it to 'languages'");
      } else if (YamlMap.scalar(words).isEmpty()) {
        problems.add(
            words,
            "the " + language + " words of prompt '" + id + "' must be one text",
            "write them in quotes on one line");
      } else {
        texts.put(language, YamlMap.scalar(words).orElseThrow().trim());
      }
    }
    return Map.copyOf(texts);
  }
}
