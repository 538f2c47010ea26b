package io.tabula.flows.model;

import java.time.Duration;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed flow: what one kind of self-service call does. Built by {@code FlowParser}, checked by
 * {@code FlowValidator}, run by {@code FlowRunner}.
 *
 * <p>A flow speaks one or more languages ({@code languages: [en, es]}, default {@code [en]}); every
 * prompt has its words in each. The first language is the flow's own: a call whose channel language
 * is none of them is answered in it.
 *
 * @param file the file it came from, for messages
 * @param name the flow's name, also its file name
 * @param tenant the tenant it belongs to
 * @param start the first step
 * @param timeLimit the most a call may last in this flow
 * @param currency the currency amounts are spoken in when a value carries none
 * @param languages the languages its prompts are in, the flow's own first (Asterisk's sounds folder
 *     names: {@code en}, {@code es})
 * @param agent the agent path, if the flow has one (the validator insists)
 * @param onError what happens on any failure
 * @param translations prompt id to its words by language ({@code welcome -> {en: ..., es: ...}}); a
 *     translation may be missing (the validator names it)
 * @param promptPositions where each prompt is defined
 * @param steps the steps in file order
 */
public record Flow(
    String file,
    String name,
    String tenant,
    Target start,
    Duration timeLimit,
    Currency currency,
    List<String> languages,
    Optional<AgentPath> agent,
    ErrorPolicy onError,
    Map<String, Map<String, String>> translations,
    Map<String, SourcePos> promptPositions,
    Map<String, Step> steps) {

  /** The language of flows that declare none. */
  public static final String DEFAULT_LANGUAGE = "en";

  public Flow {
    languages = languages.isEmpty() ? List.of(DEFAULT_LANGUAGE) : List.copyOf(languages);
  }

  public Optional<Step> step(String id) {
    return Optional.ofNullable(steps.get(id));
  }

  /** The flow's own language: its first. */
  public String language() {
    return languages.getFirst();
  }

  /** Every prompt id with its words in the flow's own language ({@code ""} when it has none). */
  public Map<String, String> prompts() {
    return prompts(language());
  }

  /** Every prompt id with its words in {@code language} ({@code ""} when it has none). */
  public Map<String, String> prompts(String language) {
    Map<String, String> texts = new LinkedHashMap<>();
    translations.keySet().forEach(id -> texts.put(id, promptText(id, language)));
    return texts;
  }

  /** The text of a prompt in the flow's own language, or empty when it has none. */
  public String promptText(String id) {
    return promptText(id, language());
  }

  /** The text of a prompt in {@code language}, or empty when it has none. */
  public String promptText(String id, String language) {
    return translations.getOrDefault(id, Map.of()).getOrDefault(language, "");
  }
}
