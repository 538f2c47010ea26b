package io.tabula.ops.prompts;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.run.FlowPrompts;
import io.tabula.flows.run.PromptSound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One prompt Asterisk may be asked to play, with who plays it: a flow's ({@code owner} {@code
 * city/parking-ticket}, {@code tenant} {@code city}) or the engine's own ({@code owner} {@code
 * engine}, no tenant, played by a configured name such as {@code tabula/not-available}).
 *
 * @param owner {@code <tenant>/<flow>}, or {@code engine}
 * @param tenant the flow's tenant; empty for the engine's prompts
 * @param id the prompt's id in the flow
 * @param language the language its text is in and the folder Asterisk looks in
 * @param text the words
 * @param sound the name Asterisk plays, relative to {@code sounds/<language>/}
 */
public record PlayedPrompt(
    String owner, String tenant, String id, String language, String text, String sound) {

  /** The owner of prompts the engine plays outside any flow. */
  public static final String ENGINE = "engine";

  /** Every prompt of {@code flow} in each of its languages, as the flow runner plays it. */
  public static List<PlayedPrompt> of(Flow flow) {
    List<PlayedPrompt> prompts = new ArrayList<>();
    for (String language : flow.languages()) {
      for (Prompt prompt : FlowPrompts.prompts(flow, language).values()) {
        prompts.add(
            new PlayedPrompt(
                flow.tenant() + "/" + flow.name(),
                flow.tenant(),
                prompt.id(),
                language,
                prompt.text(),
                prompt.sound()));
      }
    }
    return prompts;
  }

  /**
   * The engine's own prompts under their default names, with their words: what it says when it
   * rejects a call ({@code call.notAvailablePrompt}, {@code call.pleaseCallBackPrompt}).
   */
  public static final Map<String, String> ENGINE_TEXTS =
      Map.of(
          "tabula/not-available", "This service is not available. Goodbye.",
          "tabula/please-call-back", "All our lines are busy. Please call back later.");

  /** One of the engine's own prompts, played by its configured name in {@code language}. */
  public static PlayedPrompt engine(String name, String text, String language) {
    return new PlayedPrompt(ENGINE, "", name, language, text, name);
  }

  /** Whether its sound is named by its words ({@code tabula/<tenant>/<key>}), so it can be made. */
  public boolean contentKeyed() {
    return !tenant.isEmpty() && sound.startsWith(PromptSound.FOLDER + "/" + tenant + "/");
  }

  /** The content key of its words ({@link PromptSound#key}): a flow prompt's file name. */
  public String textHash() {
    return PromptSound.key(language, text);
  }

  /** How reports name it: {@code city/parking-ticket: enter-card (en)}. */
  public String label() {
    return owner + ": " + id + " (" + language + ")";
  }
}
