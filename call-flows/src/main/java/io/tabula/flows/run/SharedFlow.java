package io.tabula.flows.run;

import io.tabula.flows.model.Flow;
import io.tabula.flows.model.Step;
import io.tabula.flows.port.CollectOptions;
import io.tabula.flows.port.Prompt;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every call of one flow shares, made once per flow instead of once per call or per command:
 * the collect steps by the field they write, and the prompts as played, made once per language and
 * id (naming a prompt's sound hashes its words, {@link PromptSound}, which would otherwise cost
 * every {@code STREAM FILE} and {@code GET DATA} a SHA-256 and a few strings). The prompts held are
 * at most the flow's prompts in the flow's languages.
 */
final class SharedFlow {

  /**
   * A step with the id and kind the journal is told when it starts, made once per flow: finding a
   * step, asking it its id (an interface call on a sealed type) and naming its kind (a type switch)
   * were three pieces of work per step (docs/engine.md, "Java per command (session 12)").
   */
  record FlowStep(Step step, String id, String kind) {}

  private final Flow flow;
  private final Map<String, FlowStep> steps;
  private final Map<String, Step.Collect> fieldSteps;
  private final Map<String, String> escapeKeys;
  private final Map<String, CollectOptions> collectOptions;
  private final String agentKeys;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Prompt>> byLanguage =
      new ConcurrentHashMap<>();

  SharedFlow(Flow flow) {
    this.flow = flow;
    Map<String, Step.Collect> fields = new HashMap<>();
    Map<String, String> escapes = new HashMap<>();
    Map<String, CollectOptions> options = new HashMap<>();
    String agentKeys = flow.agent().map(a -> String.valueOf(a.key())).orElse("");
    this.agentKeys = agentKeys;
    Map<String, FlowStep> byId = new HashMap<>();
    flow.steps()
        .forEach((id, step) -> byId.put(id, new FlowStep(step, step.id(), FlowRunner.kind(step))));
    // A HashMap never changed after this constructor, published through the final field.
    this.steps = byId;
    for (Step step : flow.steps().values()) {
      switch (step) {
        case Step.Collect collect -> {
          fields.putIfAbsent(collect.field(), collect);
          options.put(
              collect.id(),
              new CollectOptions(
                  collect.maxDigits(),
                  collect.firstDigitTimeout(),
                  collect.interDigitTimeout(),
                  collect.secure()));
        }
        case Step.Menu menu ->
            escapes.put(
                menu.id(),
                String.join("", menu.options().keySet()) + (menu.agentKey() ? agentKeys : ""));
        case Step.Language language ->
            escapes.put(
                language.id(),
                String.join("", language.options().keySet())
                    + (language.agentKey() ? agentKeys : ""));
        default -> {}
      }
    }
    this.fieldSteps = Map.copyOf(fields);
    this.escapeKeys = Map.copyOf(escapes);
    this.collectOptions = Map.copyOf(options);
  }

  /** The step named {@code id} (the key of the flow's steps), or null. */
  FlowStep step(String id) {
    return steps.get(id);
  }

  /** How a {@code collect} step collects: its digits, timeouts and whether it is secure. */
  CollectOptions collectOptions(String stepId) {
    return collectOptions.get(stepId);
  }

  /**
   * The keys that stop the prompt of a {@code menu} or {@code language} step: its options' keys,
   * then the agent key where the step allows it.
   */
  String escapeKeys(String stepId) {
    return escapeKeys.get(stepId);
  }

  Flow flow() {
    return flow;
  }

  /** The key that reaches an agent, as the escape keys of a prompt; empty when there is none. */
  String agentKeys() {
    return agentKeys;
  }

  /** The collect step that writes each field (the first, where several do). */
  Map<String, Step.Collect> fieldSteps() {
    return fieldSteps;
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
