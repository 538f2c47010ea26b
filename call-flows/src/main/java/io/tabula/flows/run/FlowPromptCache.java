package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One flow's prompts as the calls play them, made once per language and id and shared by every call
 * of the flow: naming a prompt's sound hashes its words ({@link PromptSound}), which would
 * otherwise cost every {@code STREAM FILE} and {@code GET DATA} a SHA-256 and a few strings. Holds
 * at most the flow's prompts in the flow's languages.
 */
final class FlowPromptCache {

  private final Flow flow;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Prompt>> byLanguage =
      new ConcurrentHashMap<>();

  FlowPromptCache(Flow flow) {
    this.flow = flow;
  }

  /** {@code PromptSound.of(flow, language, id, flow.promptText(id, language))}, made once. */
  Prompt prompt(String id, String language) {
    ConcurrentHashMap<String, Prompt> prompts = byLanguage.get(language);
    if (prompts == null) {
      prompts = byLanguage.computeIfAbsent(language, l -> new ConcurrentHashMap<>());
    }
    Prompt prompt = prompts.get(id);
    if (prompt == null) {
      prompt = PromptSound.of(flow, language, id, flow.promptText(id, language));
      prompts.putIfAbsent(id, prompt);
    }
    return prompt;
  }
}
