package io.tabula.ops.prompts;

import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import io.tabula.flows.run.FlowPrompts;
import io.tabula.flows.run.PromptSound;
import java.util.ArrayList;
import java.util.List;

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

  /** Every prompt of {@code flow}, as the flow runner plays it. */
  public static List<PlayedPrompt> of(Flow flow) {
    List<PlayedPrompt> prompts = new ArrayList<>();
    for (Prompt prompt : FlowPrompts.prompts(flow).values()) {
      prompts.add(
          new PlayedPrompt(
              flow.tenant() + "/" + flow.name(),
              flow.tenant(),
              prompt.id(),
              PromptSound.LANGUAGE,
              prompt.text(),
              prompt.sound()));
    }
    return prompts;
  }

  /** One of the engine's own prompts, played by its configured name in {@code language}. */
  public static PlayedPrompt engine(String name, String text, String language) {
    return new PlayedPrompt(ENGINE, "", name, language, text, name);
  }

  /** Whether its sound is named by its words ({@code tabula/<tenant>/<key>}), so it can be made. */
  public boolean contentKeyed() {
    return !tenant.isEmpty() && sound.startsWith(PromptSound.FOLDER + "/" + tenant + "/");
  }

  /** The content key: the last part of a content-keyed sound name. */
  public String key() {
    return sound.substring(sound.lastIndexOf('/') + 1);
  }

  /** How reports name it: {@code city/parking-ticket: enter-card (en)}. */
  public String label() {
    return owner + ": " + id + " (" + language + ")";
  }
}
