package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.Heard;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.selftest.SelfTestFlows;
import io.tabula.engine.session.CallOutcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineEndToEndTest {

  @Test
  void echoFlowCollectsACardOverLoopbackAndZeroesTheSlot() throws Exception {
    try (Engine engine = TestEngines.start(4, SelfTestFlows.handlers());
        VirtualPbx pbx = VirtualPbx.create(PbxOptions.instant())) {
      long t0 = System.nanoTime();
      CallReport report =
          pbx.call(engine.address(), "selftest/echo", ScriptedCaller.keys("4242424242424242#"))
              .get(10, TimeUnit.SECONDS);

      System.out.println("call took ms " + (System.nanoTime() - t0) / 1_000_000);
      assertThat(report.outcome()).isEqualTo(CallReport.Outcome.ENGINE_HUNG_UP);
      assertThat(report.prompts())
          .containsExactly(
              "tabula/selftest-welcome",
              "tabula/enter-card",
              "tabula/digits-received",
              "tabula/goodbye");
      assertThat(report.heard()).contains(new Heard(Heard.Kind.NUMBER, "16"));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> engine.activeCalls() == 0);
      assertThat(engine.metrics().ended(CallOutcome.HUNG_UP_BY_ENGINE)).isEqualTo(1);
      assertThat(engine.pool().slotsInUse()).isZero();
      assertThat(engine.pool().zeroings()).isEqualTo(1);
    }
  }
}
