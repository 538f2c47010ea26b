package io.tabula.flows.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.flows.ShippedFlows;
import io.tabula.flows.graph.MermaidWriter;
import io.tabula.flows.graph.Svg;
import io.tabula.flows.model.Flow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

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

  @Test
  void svgIsWellFormedWithABoxPerStep() throws Exception {
    String svg = Svg.write(flow);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document document =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(document.getElementsByTagName("rect").getLength()).isEqualTo(flow.steps().size());
    assertThat(svg).contains(">pay-ticket<").contains(">on_approved<");
  }
}
