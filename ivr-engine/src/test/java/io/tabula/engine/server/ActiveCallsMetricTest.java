package io.tabula.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tabula.engine.pbx.CallReport;
import io.tabula.engine.pbx.PbxOptions;
import io.tabula.engine.pbx.ScriptedCaller;
import io.tabula.engine.pbx.VirtualPbx;
import io.tabula.engine.session.CallSettings;
import io.tabula.flows.port.CallHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * {@code tabula.calls.active} counts the calls that got a call slot, never the callers being turned
 * away (every slot in use, no flow for the request path) while their apology plays: an autoscaler
 * or a dashboard reading it must not see load that the engine refused.
 */
class ActiveCallsMetricTest {

  /** Long enough that the turned-away caller is still listening when the test looks. */
  private static final Duration APOLOGY = Duration.ofSeconds(60);

  @Test
  void aCallerTurnedAwayWhileEverySlotIsInUseIsNotAnActiveCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch holding = new CountDownLatch(1);
    CallHandler holder =
        call -> {
          holding.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          call.hangup();
        };
    String pleaseCallBack = CallSettings.defaults().pleaseCallBackPrompt();
    try (Engine engine = TestEngines.start(1, (t, f) -> Optional.of(holder))) {
      try (VirtualPbx pbx = VirtualPbx.create(apologyLasting(pleaseCallBack))) {
        CompletableFuture<CallReport> first =
            pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(activeGauge(engine)).isEqualTo(1.0);

        pbx.call(engine.address(), "city/parking", ScriptedCaller.keys(""));
        awaitSessions(engine, 2);
        assertThat(activeGauge(engine)).as("while 'please call back' plays").isEqualTo(1.0);

        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        awaitSessions(engine, 1);
        assertThat(activeGauge(engine))
            .as("only the turned-away caller is still connected")
            .isEqualTo(0.0);
      }
      // Closing the virtual PBX hangs up the turned-away caller.
      awaitSessions(engine, 0);
      assertThat(activeGauge(engine)).isEqualTo(0.0);
    }
  }

  @Test
  void aCallerWithNoFlowForItsPathIsNotAnActiveCall() throws Exception {
    String notAvailable = CallSettings.defaults().notAvailablePrompt();
    try (Engine engine = TestEngines.start(2, (t, f) -> Optional.empty())) {
      try (VirtualPbx pbx = VirtualPbx.create(apologyLasting(notAvailable))) {
        pbx.call(engine.address(), "nobody/nothing", ScriptedCaller.keys(""));
        awaitSessions(engine, 1);
        assertThat(activeGauge(engine)).as("while 'not available' plays").isEqualTo(0.0);
      }
      awaitSessions(engine, 0);
      assertThat(activeGauge(engine)).isEqualTo(0.0);
    }
  }

  private static PbxOptions apologyLasting(String prompt) {
    return PbxOptions.instant().withSoundDurations(Map.of(prompt, APOLOGY));
  }

  /** Waits until the engine holds {@code count} connected calls, admitted or being turned away. */
  private static void awaitSessions(Engine engine, int count) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.activeCalls() == count);
  }

  private static double activeGauge(Engine engine) {
    return engine.metrics().registry().get("tabula.calls.active").gauge().value();
  }
}
