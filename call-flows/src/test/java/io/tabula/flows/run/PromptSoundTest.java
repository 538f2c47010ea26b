package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.model.Flow;
import io.tabula.flows.port.Prompt;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A flow's prompt is played from a file named by its tenant and its words. */
class PromptSoundTest {

  @Test
  void theNameIsTheTenantAndAHashOfLanguageAndWords() {
    String name = PromptSound.name("city", "en", "Goodbye.");

    assertThat(name).matches("tabula/city/[0-9a-f]{20}");
    assertThat(PromptSound.name("city", "en", "Goodbye.")).isEqualTo(name);
    assertThat(PromptSound.name("utility", "en", "Goodbye."))
        .endsWith(name.substring(name.lastIndexOf('/')));
  }

  @Test
  void otherWordsOrAnotherLanguageMakeAnotherKey() {
    String key = PromptSound.key("en", "Goodbye.");

    assertThat(PromptSound.key("en", "Goodbye!")).isNotEqualTo(key);
    assertThat(PromptSound.key("es", "Goodbye.")).isNotEqualTo(key);
    // The separator keeps language and words apart: "e"+"nGoodbye." is not "en"+"Goodbye.".
    assertThat(PromptSound.key("e", "n\nGoodbye.")).isNotEqualTo(key);
  }

  @Test
  void everyPromptOfAFlowIsPlayedByItsWordsAndAnEditedPromptByNewOnes() {
    Flow flow = ShippedFlows.load("city/parking-ticket.yaml");
    Map<String, Prompt> prompts = FlowPrompts.prompts(flow);

    assertThat(prompts.get("goodbye").sound())
        .isEqualTo(PromptSound.name("city", "en", flow.promptText("goodbye")));
    assertThat(prompts.get("currency-usd-major").sound())
        .isEqualTo(PromptSound.name("city", "en", "dollars"));
    assertThat(prompts.get("tabula-sorry")).isNull(); // the flow has its own on_error prompt
    assertThat(prompts.values()).allMatch(p -> p.sound().startsWith("tabula/city/"));

    Map<String, Map<String, String>> edited = new java.util.HashMap<>(flow.translations());
    edited.put("goodbye", Map.of("en", "Thanks for calling. Goodbye."));
    Flow next =
        new Flow(
            flow.file(),
            flow.name(),
            flow.tenant(),
            flow.start(),
            flow.timeLimit(),
            flow.currency(),
            flow.languages(),
            flow.agent(),
            flow.onError(),
            edited,
            flow.promptPositions(),
            flow.steps());
    assertThat(FlowPrompts.prompts(next).get("goodbye").sound())
        .isNotEqualTo(prompts.get("goodbye").sound());
    assertThat(FlowPrompts.prompts(next).get("welcome").sound())
        .isEqualTo(prompts.get("welcome").sound());
  }
}
