package io.tabula.engine.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.config.FlowsSettings;
import io.tabula.flows.connect.DemoConnectors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EngineFlowsTest {

  private static final FlowsSettings SHIPPED = new FlowsSettings("", Duration.ofSeconds(5));

  @Test
  void runFromTheCheckoutTheEngineServesTheCheckoutsFlowsFolderAndSaysSo() {
    Path checkoutFlows = Path.of("..", "flows").toAbsolutePath().normalize();

    assertThat(EngineFlows.describe(SHIPPED))
        .isEqualTo(
            "city/parking-ticket, utility/balance, utility/bill-payment from "
                + checkoutFlows
                + " (this checkout's flows/ folder; edits count at the next start)");
    try (EngineFlows flows = EngineFlows.open(SHIPPED, DemoConnectors.create(Clock.systemUTC()))) {
      assertThat(flows.published().current("city", "parking-ticket")).isPresent();
      assertThat(flows.published().current("utility", "balance")).isPresent();
    }
  }

  @Test
  void withAStoreTheEngineSaysItServesThePublishedVersions() {
    assertThat(
            EngineFlows.describe(new FlowsSettings("/var/lib/tabula/flows", Duration.ofSeconds(5))))
        .isEqualTo("the versions published to the flow store /var/lib/tabula/flows");
  }
}
