package io.tabula.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.PromptSound;
import io.tabula.flows.store.ShippedFlowFiles;
import org.junit.jupiter.api.Test;

/** The softphone shows keys in clear only after a menu's prompt, named by its words. */
class FlowAwareCallerTest {

  private static final String ENTER_CARD = "Please enter your card number, then press pound.";
  private static final String PAY_MENU =
      "To pay now by card, press 1. To hear the amount again, press 2.";

  private static Flow parkingTicket(String yaml) {
    return FlowParser.parse("city/parking-ticket.yaml", yaml).flow().orElseThrow();
  }

  @Test
  void aMenuPromptIsShownByItsSound() {
    Flow flow = parkingTicket(ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow());

    assertThat(FlowAwareCaller.menuPrompts(flow))
        .contains(PromptSound.name("city", "en", PAY_MENU))
        .doesNotContain(PromptSound.name("city", "en", ENTER_CARD));
  }

  @Test
  void aMenuPromptWithTheWordsOfACollectPromptNeverShowsKeysInClear() {
    String shipped = ShippedFlowFiles.read("city/parking-ticket.yaml").orElseThrow();
    Flow flow = parkingTicket(shipped.replace(PAY_MENU, ENTER_CARD));

    assertThat(FlowAwareCaller.menuPrompts(flow))
        .doesNotContain(PromptSound.name("city", "en", ENTER_CARD));
  }
}
