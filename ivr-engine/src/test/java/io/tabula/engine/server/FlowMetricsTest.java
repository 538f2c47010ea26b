package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tabula.engine.config.FlowsSettings;
import io.tabula.engine.demo.FlowAwareCaller;
import io.tabula.engine.flows.EngineFlows;
import io.tabula.engine.flows.FlowMetrics;
import io.tabula.engine.flows.FlowMetrics.Outcome;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.UnmutedRecordingControl;
import io.tabula.flows.connect.Connectors;
import io.tabula.flows.connect.DemoConnectors;
import io.tabula.flows.model.Flow;
import io.tabula.flows.parse.FlowParser;
import io.tabula.flows.run.RunnerConfig;
import io.tabula.flows.simulate.KeyScript;
import io.tabula.flows.store.ShippedFlowFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Calls through the virtual PBX move the per tenant and flow counters: a paid ticket counts as
 * paid, a declined card as declined, a caller who hangs up at the first question as abandoned; no
 * series carries anything the caller keyed.
 */
class FlowMetricsTest {

  private static final String TICKET = "12345678# 1 ";
  private static final String TAGS = "flow=\"parking-ticket\",outcome=\"%s\",tenant=\"city\"";

  @Test
  void eachCallMovesTheCounterOfItsOutcomeForItsTenantAndFlow() throws Exception {
    Connectors connectors = DemoConnectors.create(Clock.systemUTC());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    FlowMetrics metrics = new FlowMetrics(registry);
    try (EngineFlows flows =
            EngineFlows.open(new FlowsSettings("", Duration.ofSeconds(5)), connectors);
        Engine engine =
            Engine.start(
                TestEngines.config(4),
                flows.handlers(connectors, RunnerConfig.defaults(), metrics),
                new UnmutedRecordingControl(),
                registry);
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      call(pbx, engine, TICKET + "4242424242424242# 1230 123 H");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> metrics.ended("city", "parking-ticket", Outcome.PAID) == 1);
      call(pbx, engine, TICKET + "4000000000009995# 1230 123 H");
      call(pbx, engine, "H");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  metrics.ended("city", "parking-ticket", Outcome.DECLINED) == 1
                      && metrics.ended("city", "parking-ticket", Outcome.ABANDONED) == 1);

      String scrape = registry.scrape();
      assertThat(scrape)
          .contains(
              "tabula_flow_calls_ended_total{" + TAGS.formatted("paid") + "} 1.0",
              "tabula_flow_calls_ended_total{" + TAGS.formatted("declined") + "} 1.0",
              "tabula_flow_calls_ended_total{" + TAGS.formatted("abandoned") + "} 1.0",
              "tabula_flow_calls_ended_total{" + TAGS.formatted("transferred") + "} 0.0",
              "tabula_flow_calls_started_total{flow=\"parking-ticket\",tenant=\"city\"} 3.0",
              "tabula_flow_calls_active{flow=\"parking-ticket\",tenant=\"city\"} 0.0")
          .doesNotContain("4242424242424242", "4000000000009995", "12345678");
      // Keyed digits could only leak through a name or a tag; the sample values are timings and
      // counts, whose digits may be anything (0.0009995 s is a fine round trip).
      assertThat(
              scrape
                  .lines()
                  .filter(line -> !line.startsWith("#"))
                  .map(line -> line.substring(0, line.lastIndexOf(' '))))
          .noneMatch(series -> series.contains("4242") || series.contains("9995"));
      assertThat(metrics.ended("city", "parking-ticket", Outcome.PAID)).isEqualTo(1);
    }
  }

  private static void call(VirtualPbx pbx, Engine engine, String keys) throws Exception {
    String file = "city/parking-ticket.yaml";
    Flow flow =
        FlowParser.parse(file, ShippedFlowFiles.read(file).orElseThrow()).flow().orElseThrow();
    pbx.call(
            engine.address(),
            "city/parking-ticket",
            FlowAwareCaller.of(flow, KeyScript.parse(keys)))
        .get(20, TimeUnit.SECONDS);
  }
}
