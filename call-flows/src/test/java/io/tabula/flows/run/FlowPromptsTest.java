package io.tabula.flows.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import org.junit.jupiter.api.Test;

class FlowPromptsTest {

  @Test
  void aFlowNeedsItsPromptsAndTheUnitsOfTheAmountsItSpeaks() {
    assertThat(FlowPrompts.of(ShippedFlows.load("city/parking-ticket.yaml")))
        .contains("welcome", "enter-card", "sorry-error")
        .contains("currency-usd-major", "currency-usd-minor", "and")
        .doesNotContain(FlowRunner.DEFAULT_SORRY.id());
  }

  @Test
  void everyShippedFlowNeedsSoundsForAllItsPrompts() {
    int total = 0;
    for (String file :
        new String[] {
          "city/parking-ticket.yaml", "utility/bill-payment.yaml", "utility/balance.yaml"
        }) {
      var flow = ShippedFlows.load(file);
      assertThat(FlowPrompts.of(flow)).containsAll(flow.prompts().keySet());
      total += FlowPrompts.of(flow).size();
    }
    assertThat(total).isGreaterThan(35);
  }
}
