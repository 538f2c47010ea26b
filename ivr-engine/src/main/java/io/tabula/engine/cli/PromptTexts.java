package io.tabula.engine.cli;

import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.run.FlowPrompts;
import io.tabula.flows.store.ShippedFlowFiles;
import java.util.HashMap;
import java.util.Map;

/**
 * What the terminal softphone shows for a sound Asterisk is asked to play: the words of the flow's
 * prompt whose audio it is ({@code tabula/city/3f0c...} shows "Goodbye."), since a flow's prompts
 * are played by content-keyed names.
 */
final class PromptTexts {

  private final Map<String, String> bySound = new HashMap<>();

  private PromptTexts() {}

  static PromptTexts bySound(Flow flow) {
    PromptTexts texts = new PromptTexts();
    texts.addAll(flow);
    return texts;
  }

  /**
   * For {@code tabula call}, which does not know the engine's flows: the self-test prompts' words,
   * and the shipped flow's when the route names one (a flow whose words were edited and published
   * shows its sound names in brackets).
   */
  static PromptTexts forCall(String route) {
    PromptTexts texts = new PromptTexts();
    texts.bySound.putAll(SelfTestFlows.PROMPT_TEXTS);
    String file = route + ".yaml";
    ShippedFlowFiles.read(file)
        .flatMap(text -> FlowParser.parse(file, text).flow())
        .ifPresent(texts::addAll);
    return texts;
  }

  /** Every prompt of {@code flow} in each of its languages (their sounds differ by language). */
  private void addAll(Flow flow) {
    for (String language : flow.languages()) {
      for (Prompt prompt : FlowPrompts.prompts(flow, language).values()) {
        bySound.put(prompt.sound(), prompt.text());
      }
    }
  }

  /** The words, or the sound's name in brackets when no prompt of the flow has that sound. */
  String text(String sound) {
    String text = bySound.get(sound);
    return text == null || text.isBlank() ? "[" + sound + "]" : text;
  }
}
