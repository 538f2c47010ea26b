package io.tabula.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.run.PromptSound;
import org.junit.jupiter.api.Test;

/** The terminal softphone shows a prompt's words although Asterisk is asked for its sound name. */
class PromptTextsTest {

  private static final String ENTER_CARD = "Please enter your card number, then press pound.";

  @Test
  void aShippedFlowsSoundShowsItsWordsAndTheEnginesOwnPromptsTheirs() {
    PromptTexts texts = PromptTexts.forCall("city/parking-ticket");

    assertThat(texts.text(PromptSound.name("city", "en", ENTER_CARD))).isEqualTo(ENTER_CARD);
    assertThat(texts.text(PromptSound.name("city", "en", "dollars"))).isEqualTo("dollars");
    assertThat(texts.text("tabula/not-available"))
        .isEqualTo("This service is not available. Goodbye.");
  }

  @Test
  void aSoundNoPromptHasShowsItsNameInBrackets() {
    assertThat(PromptTexts.forCall("city/parking-ticket").text("tabula/city/ffff"))
        .isEqualTo("[tabula/city/ffff]");
    assertThat(PromptTexts.forCall("acme/unknown").text(PromptSound.name("city", "en", ENTER_CARD)))
        .startsWith("[tabula/city/");
  }
}
