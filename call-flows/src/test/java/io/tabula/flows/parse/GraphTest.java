package io.tabula.flows.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.graph.MermaidWriter;
import io.tabula.flows.model.Flow;
import org.junit.jupiter.api.Test;

class GraphTest {

  private final Flow flow = ShippedFlows.load("city/parking-ticket.yaml");

  @Test
  void mermaidHasEveryStepAndTransition() {
    String mermaid = MermaidWriter.write(flow);
    assertThat(mermaid)
        .startsWith("flowchart TD\n")
        .contains("START((start)) --> s_welcome")
        .contains("s_offer_payment -->|1| s_ask_card")
        .contains("s_pay_ticket -->|on_declined| s_why_declined")
        .contains("s_ask_card[\"ask-card<br/><i>collect card (secure)</i>\"]");
    long edges = flow.steps().values().stream().mapToLong(s -> s.edges().size()).sum();
    assertThat(mermaid.lines().filter(l -> l.contains(" -->|"))).hasSize((int) edges);
  }
}
