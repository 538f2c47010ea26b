package io.tabula.engine.cli;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.run.FlowPrompts;
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
    for (Prompt prompt : FlowPrompts.prompts(flow).values()) {
      texts.bySound.put(prompt.sound(), prompt.text());
    }
    return texts;
  }

  /** The words, or the sound's name in brackets when no prompt of the flow has that sound. */
  String text(String sound) {
    String text = bySound.get(sound);
    return text == null || text.isBlank() ? "[" + sound + "]" : text;
  }
}
